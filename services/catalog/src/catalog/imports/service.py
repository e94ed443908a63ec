"""CSV import and export of producers, products and variants.

An import is durable work. The API stores the file with a `pending` import row and answers;
a worker (the `worker` role, in-process with `--target=all`) claims it, holding a lease it
renews, and runs it. The file is checked row by row first; a file with any bad row changes
nothing and reports each bad row, column and reason. A good file is applied in one transaction
with bulk upserts, and that same transaction ends the import, fenced by the worker's lease
token: so the file lands whole or not at all, and exactly once even when a worker that lost
its lease (it stalled, or died and another took over) reaches its commit. Progress is written
in transactions of its own so that `GET /v1/imports/{id}` shows it while the import runs.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog import i18n
from catalog.errors import ImportNotFound, InvalidCsv, ProductsNotPublishable
from catalog.imports import csvformat, repository
from catalog.imports.csvformat import ParsedFile, RowError
from catalog.models import Import
from catalog.producers import service as producers_service
from catalog.products import service as products_service
from contracts.catalog import Price, ProducerCreatedV1, ProducerUpdatedV1, StockChangedV1
from kit.db import Database
from kit.errors import QuotaExceeded
from kit.events import outbox
from kit.events.outbox import ACTOR_KEY

log = logging.getLogger(__name__)
PROGRESS_EVERY = 2000  # variant rows written between two progress updates
Progress = Callable[..., Awaitable[None]]


class LeaseLost(Exception):
    """Another worker holds the import now, or it ended: this worker must stop, change nothing."""


@dataclass(frozen=True)
class Publishing:
    """Whether an import publishes what it creates or updates, and the plan quota it keeps."""

    publish: bool = False
    active_products_limit: int | None = None


async def start(
    session: AsyncSession,
    filename: str | None,
    data: bytes,
    actor: str,
    publishing: Publishing = Publishing(),
) -> Import:
    """Record a new pending import of `data`, its file beside it; a worker runs it."""
    try:
        header, rows = csvformat.read_rows(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidCsv(f"the file is not UTF-8 CSV: {exc}") from exc
    if not header:
        raise InvalidCsv("the file has no header row")
    errors = csvformat.check_header(header)
    if errors:  # known before any row is read: refused now rather than accepted, then failed
        raise InvalidCsv(
            errors[0].reason if len(errors) == 1 else f"{len(errors)} problems in the header row",
            errors=[e.as_dict() for e in errors],
            expected_columns=list(csvformat.COLUMNS),
            found_columns=header,
        )
    record = Import(
        id=uuid.uuid4(),
        filename=filename,
        status="pending",
        total_rows=len(rows),
        errors=[],
        summary={},
        actor=actor,
        publish=publishing.publish,
        active_products_limit=publishing.active_products_limit,
    )
    await repository.add(session, record, data)
    await session.flush()
    await session.refresh(record)
    return record


async def get(session: AsyncSession, import_id: uuid.UUID) -> Import:
    record = await repository.get_import(session, import_id)
    if record is None:
        raise ImportNotFound(f"no import {import_id}")
    return record


@dataclass(frozen=True)
class Claim:
    """One worker's hold on one import."""

    import_id: uuid.UUID
    tenant_id: uuid.UUID
    token: uuid.UUID
    attempts: int
    actor: str | None
    publishing: Publishing = Publishing()


async def claim(
    jobs_db: Database, lease_seconds: float, at: datetime | None = None
) -> Claim | None:
    """Hold the next import of any tenant for `lease_seconds` from `at` (default: the
    database's now); None when there is none."""
    token = uuid.uuid4()
    async with jobs_db.transaction() as session:
        found = await repository.claim_next(session, token, lease_seconds, at)
    if found is None:
        return None
    publishing = Publishing(found.publish, found.active_products_limit)
    return Claim(found.import_id, found.tenant_id, token, found.attempts, found.actor, publishing)


async def run(
    db: Database,
    held: Claim,
    lease_seconds: float,
    max_attempts: int,
    public_base_url: str = "",
) -> None:
    """Run a claimed import to its end while renewing its lease; a failure is retried by the
    next claim until `max_attempts`, then the import fails."""
    if held.attempts > max_attempts:
        await _end(
            db, held, status="failed", errors=[_internal(f"gave up after {max_attempts} tries")]
        )
        return
    try:
        async with asyncio.TaskGroup() as group:
            work = group.create_task(_run(db, held, lease_seconds, public_base_url))
            group.create_task(_keep_lease(db, held, lease_seconds, work))
    except* LeaseLost:
        log.warning(
            "import lease lost; another worker has it", extra={"import": str(held.import_id)}
        )
    except* Exception as failures:
        log.error(
            "import failed", exc_info=failures.exceptions[0], extra={"import": str(held.import_id)}
        )
        if held.attempts >= max_attempts:
            reason = f"internal error: {type(failures.exceptions[0]).__name__}"
            await _end(db, held, status="failed", errors=[_internal(reason)])
        else:  # let the lease lapse now: the next claim tries again
            async with db.transaction(held.tenant_id) as session:
                await repository.update_held(
                    session, held.import_id, held.token, status="pending", lease_until=None
                )


def _internal(reason: str) -> dict[str, Any]:
    return RowError(0, "", reason).as_dict()


async def _keep_lease(
    db: Database, held: Claim, lease_seconds: float, work: asyncio.Task[None]
) -> None:
    """Renew the lease every third of it until the work ends; raise LeaseLost when it is gone."""
    while not work.done():
        await asyncio.wait({work}, timeout=lease_seconds / 3)
        if work.done():
            return
        async with db.transaction(held.tenant_id) as session:
            if not await repository.update_held(
                session, held.import_id, held.token, lease_seconds=lease_seconds
            ):
                raise LeaseLost(str(held.import_id))


async def _end(db: Database, held: Claim, **values: Any) -> None:
    async with db.transaction(held.tenant_id) as session:
        await repository.end(session, held.import_id, held.token, **values)


def _progress(db: Database, held: Claim, lease_seconds: float) -> Progress:
    async def write(**values: Any) -> None:
        async with db.transaction(held.tenant_id) as session:
            if not await repository.update_held(
                session, held.import_id, held.token, lease_seconds=lease_seconds, **values
            ):
                raise LeaseLost(str(held.import_id))

    return write


async def _run(db: Database, held: Claim, lease_seconds: float, public_base_url: str) -> None:
    progress = _progress(db, held, lease_seconds)
    async with db.transaction(held.tenant_id) as session:
        data = await repository.file_of(session, held.import_id)
    if data is None:  # uploaded before imports were durable: the file died with its process
        reason = "the uploaded file is gone; upload it again"
        await _end(db, held, status="failed", errors=[_internal(reason)])
        return
    header, rows = csvformat.read_rows(data)
    parsed = await asyncio.to_thread(csvformat.parse, header, rows)
    async with db.transaction(held.tenant_id) as session:
        session.info[ACTOR_KEY] = held.actor
        references = await _check_references(session, parsed)
        if parsed.errors:
            values = _failed(parsed, parsed.errors)
        else:
            await progress(status="applying", processed_rows=0)
            values = await _apply_or_refuse(
                session, parsed, references, progress, held.publishing, public_base_url
            )
        # The fence: this commit ends the import only if this worker still holds it.
        if not await repository.end(session, held.import_id, held.token, **values):
            raise LeaseLost(str(held.import_id))


def _failed(parsed: ParsedFile, errors: list[RowError]) -> dict[str, Any]:
    errors = sorted(errors, key=lambda e: (e.row, e.column))
    return {
        "status": "failed",
        "processed_rows": parsed.rows,
        "errors": [e.as_dict() for e in errors[:1000]],
        "summary": {"bad_rows": len({e.row for e in errors})},
    }


class Unpublishable(Exception):
    """The file applies, but what it holds cannot all be published: it must change nothing."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} products cannot be published")
        self.errors = errors


async def _apply_or_refuse(
    session: AsyncSession,
    parsed: ParsedFile,
    refs: References,
    progress: Progress,
    publishing: Publishing,
    public_base_url: str,
) -> dict[str, Any]:
    """Apply the file, and publish it when asked; a refused publish undoes the whole file."""
    try:
        async with session.begin_nested():
            summary = await _apply(session, parsed, refs, progress, publishing, public_base_url)
    except Unpublishable as refused:
        return _failed(parsed, refused.errors)
    return {"status": "succeeded", "processed_rows": parsed.rows, "summary": summary}


@dataclass
class References:
    """Existing rows the file refers to."""

    producers: dict[str, Any]
    categories: dict[str, uuid.UUID]
    products: dict[str, Any]
    variants: dict[str, Any]


async def _check_references(session: AsyncSession, parsed: ParsedFile) -> References:
    """Errors only the database can tell: unknown producer or category, foreign SKU or slug."""
    refs = References(
        producers=await repository.producers_by_code(session, list(parsed.producer_refs)),
        categories=await repository.categories_by_slug(
            session, sorted({p.category for p in parsed.products.values() if p.category})
        ),
        products=await repository.products_by_slug(session, list(parsed.products)),
        variants=await repository.variants_by_sku(session, list(parsed.variants)),
    )
    for code, line in parsed.producer_refs.items():
        if code not in parsed.producers and code not in refs.producers:
            parsed.errors.append(RowError(line, "producer_code", f"unknown producer {code!r}"))
    for slug, product in parsed.products.items():
        line = parsed.product_rows[slug]
        existing = refs.products.get(slug)
        if existing is None and not product.name:
            parsed.errors.append(RowError(line, "product_name_ja", "a new product needs a name"))
        if product.category and product.category not in refs.categories:
            parsed.errors.append(
                RowError(line, "category", f"unknown category {product.category!r}")
            )
        owner = refs.producers.get(product.producer_code)
        if existing is not None and owner is not None and existing.producer_id != owner.id:
            parsed.errors.append(
                RowError(line, "product_slug", f"{slug!r} belongs to another producer")
            )
    for sku, variant in parsed.variants.items():
        found = refs.variants.get(sku)
        owner_product = refs.products.get(variant.product_slug)
        if found is not None and (owner_product is None or found.product_id != owner_product.id):
            line = parsed.product_rows[variant.product_slug]
            parsed.errors.append(
                RowError(line, "variant_sku", f"{sku!r} belongs to another product")
            )
    return refs


async def _apply(
    session: AsyncSession,
    parsed: ParsedFile,
    refs: References,
    progress: Progress,
    publishing: Publishing,
    public_base_url: str,
) -> dict[str, int]:
    tenant = session.info["tenant_id"]
    producer_ids = {code: p.id for code, p in refs.producers.items()}
    producer_rows = [
        {
            "id": uuid.uuid4(),
            "tenant_id": tenant,
            "code": p.code,
            "kind": p.kind,
            "name": p.name,
            "story": {},
            "contact": {},
            "social": {},
            "visibility": "public",
        }
        for p in parsed.producers.values()
    ]
    created = updated = 0
    for producer_id, code, inserted in await repository.upsert_producers(session, producer_rows):
        producer_ids[code] = producer_id
        declared = parsed.producers[code]
        event: Any
        if inserted:
            created += 1
            event = ProducerCreatedV1(
                producer_id=producer_id, name=declared.name, kind=declared.kind
            )
        else:
            updated += 1
            # The file changes kind and name only: the rest of the profile is as stored.
            stored = producers_service.producer_fields(refs.producers[code])
            event = ProducerUpdatedV1(**{**stored, "name": declared.name, "kind": declared.kind})
        await outbox.add(session, event)
    variants_by_product: dict[str, list[csvformat.VariantRow]] = {}
    for variant in parsed.variants.values():
        variants_by_product.setdefault(variant.product_slug, []).append(variant)
    product_rows = [
        _product_row(tenant, p, refs, producer_ids, variants_by_product.get(p.slug, []))
        for p in parsed.products.values()
    ]
    product_ids = await repository.upsert_products(session, product_rows)
    variant_rows = [
        _variant_row(tenant, v, position, product_ids[slug], refs)
        for slug, rows in variants_by_product.items()
        for position, v in enumerate(rows)
    ]
    done = 0
    for part in repository.chunks(variant_rows, PROGRESS_EVERY):
        done += await repository.upsert_variants(session, list(part))
        await progress(processed_rows=min(done, parsed.rows))
    await _announce_changes(session, parsed, refs, public_base_url)
    summary = {
        "producers_created": created,
        "producers_updated": updated,
        "products": len(product_rows),
        "variants": len(variant_rows),
    }
    if publishing.publish:
        summary["published"] = await _publish(
            session, parsed, product_ids, publishing, public_base_url
        )
    return summary


async def _publish(
    session: AsyncSession,
    parsed: ParsedFile,
    product_ids: dict[str, uuid.UUID],
    publishing: Publishing,
    public_base_url: str,
) -> int:
    """Publish every product of the file as `POST /v1/products/publish` would: how many were
    drafts; Unpublishable names the row of each product that cannot be published."""
    try:
        result = await products_service.publish_products(
            session,
            list(product_ids.values()),
            public_base_url,
            only_producers=None,  # imports are town staff's: every producer's products
            limit=publishing.active_products_limit,
        )
    except ProductsNotPublishable as refused:
        line_of = {product_ids[slug]: line for slug, line in parsed.product_rows.items()}
        raise Unpublishable(
            [
                RowError(line_of[uuid.UUID(e["product_id"])], "product_slug", e["reason"])
                for e in refused.extra["errors"]
            ]
        ) from refused
    except QuotaExceeded as refused:
        raise Unpublishable([RowError(0, "", f"cannot publish: {refused.detail}")]) from refused
    return len(result.published)


async def _announce_changes(
    session: AsyncSession, parsed: ParsedFile, refs: References, public_base_url: str
) -> None:
    """What the file changed in products the other services know, as the API would say it:
    `stock_changed` per existing variant whose stock or price moved, `updated` per public
    product (new ones are drafts: nobody outside the catalog knows them yet)."""
    for sku, row in parsed.variants.items():
        before = refs.variants.get(sku)
        product = refs.products.get(row.product_slug)
        if before is None or product is None:
            continue
        price = Price(amount=row.price_amount, currency=row.currency)
        previous = Price(amount=before.price_amount, currency=before.currency)
        if (before.stock, previous) == (row.stock, price):
            continue
        await outbox.add(
            session,
            StockChangedV1(
                product_id=product.id,
                variant_id=before.id,
                sku=sku,
                stock=row.stock,
                previous_stock=before.stock,
                price=price,
                previous_price=previous,
                slug=product.slug,
                name=parsed.products[row.product_slug].name or product.name,
            ),
        )
    public = [p for slug, p in refs.products.items() if slug in parsed.products]
    public = [p for p in public if p.status != "draft"]
    if not public:
        return
    session.expire_all()  # the bulk upserts bypassed the objects loaded before them
    for product in public:
        await session.refresh(product)
        await products_service.announce_update(session, product, public_base_url)


def _product_row(
    tenant: uuid.UUID,
    product: csvformat.ProductRow,
    refs: References,
    producer_ids: dict[str, uuid.UUID],
    variants: list[csvformat.VariantRow],
) -> dict[str, Any]:
    existing = refs.products.get(product.slug)
    name = product.name or (existing.name if existing else {})
    description = product.description or (existing.description if existing else {})
    tags = product.tags if product.tags is not None else (existing.tags if existing else [])
    months = product.season_months
    if months is None:
        months = existing.season_months if existing else []
    category_id = refs.categories.get(product.category) if product.category else None
    if category_id is None and existing is not None and not product.category:
        category_id = existing.category_id
    return {
        "id": existing.id if existing else uuid.uuid4(),
        "tenant_id": tenant,
        "producer_id": producer_ids[product.producer_code],
        "slug": product.slug,
        "name": name,
        "description": description,
        "currency": "JPY",
        "status": "draft",
        "category_id": category_id,
        "tags": tags,
        "season_months": months,
        "media": [],
        "search_text": i18n.search_text(
            name,
            description,
            [product.slug, *tags],
            *(v.name for v in variants),
            [v.sku for v in variants],
        ),
    }


def _variant_row(
    tenant: uuid.UUID,
    variant: csvformat.VariantRow,
    position: int,
    product_id: uuid.UUID,
    refs: References,
) -> dict[str, Any]:
    existing = refs.variants.get(variant.sku)
    return {
        "id": existing.id if existing else uuid.uuid4(),
        "tenant_id": tenant,
        "product_id": product_id,
        "sku": variant.sku,
        "name": variant.name,
        "unit": variant.unit,
        "quantity": variant.quantity,
        "price_amount": variant.price_amount,
        "currency": variant.currency,
        "stock": variant.stock,
        "made_to_order": variant.made_to_order,
        "weight_grams": variant.weight_grams,
        "position": position,
    }


async def export(session: AsyncSession, only: Collection[uuid.UUID] | None = None) -> str:
    """The tenant's catalog in the import format (a producer user's: their producers only)."""
    categories = await repository.category_slugs(session)
    rows: list[dict[str, str]] = []
    for producer, product, variant in await repository.export_rows(session, only):
        row: dict[str, str] = {
            "producer_code": producer.code or str(producer.id),
            "producer_kind": producer.kind,
            **{f"producer_name_{k}": v for k, v in producer.name.items() if k in csvformat.LANGS},
        }
        if product is not None:
            row |= {
                "product_slug": product.slug,
                **{f"product_name_{k}": v for k, v in product.name.items() if k in csvformat.LANGS},
                **{
                    f"product_description_{k}": v
                    for k, v in product.description.items()
                    if k in csvformat.LANGS
                },
                "category": categories.get(product.category_id, "") if product.category_id else "",
                "tags": csvformat.LIST_SEPARATOR.join(product.tags),
                "season_months": csvformat.LIST_SEPARATOR.join(
                    str(m) for m in product.season_months
                ),
            }
        if variant is not None:
            row |= {
                "variant_sku": variant.sku,
                **{f"variant_name_{k}": v for k, v in variant.name.items() if k in csvformat.LANGS},
                "unit": variant.unit,
                "quantity": str(variant.quantity),
                "price": str(variant.price_amount),
                "currency": variant.currency,
                "stock": "" if variant.stock is None else str(variant.stock),
                "made_to_order": "true" if variant.made_to_order else "false",
                "weight_grams": "" if variant.weight_grams is None else str(variant.weight_grams),
            }
        rows.append(row)
    return csvformat.write(rows)
