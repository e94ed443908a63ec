"""CSV import and export of producers, products and variants.

An import is checked row by row first; a file with any bad row changes nothing and reports
each bad row, column and reason. A good file is applied in one transaction with bulk upserts,
so it lands whole or not at all. Progress is written in transactions of its own so that
`GET /v1/imports/{id}` shows it while the import runs.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog import i18n
from catalog.errors import ImportNotFound, InvalidCsv
from catalog.imports import csvformat, repository
from catalog.imports.csvformat import ParsedFile, RowError
from catalog.models import Import
from contracts.catalog import ProducerCreatedV1, ProducerUpdatedV1
from kit.db import Database
from kit.events import outbox
from kit.events.outbox import ACTOR_KEY

log = logging.getLogger(__name__)
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class ImportJob:
    """What the background run of one import needs."""

    import_id: uuid.UUID
    tenant_id: uuid.UUID
    actor: str
    header: list[str]
    rows: list[dict[str, str]]


async def start(
    session: AsyncSession, filename: str | None, data: bytes
) -> tuple[Import, list[str], list[dict[str, str]]]:
    """Record a new import of `data`; the rows run afterwards (`run`)."""
    try:
        header, rows = csvformat.read_rows(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidCsv(f"the file is not UTF-8 CSV: {exc}") from exc
    if not header:
        raise InvalidCsv("the file has no header row")
    record = Import(
        filename=filename, status="pending", total_rows=len(rows), errors=[], summary={}
    )
    session.add(record)
    await session.flush()
    await session.refresh(record)
    return record, header, rows


async def get(session: AsyncSession, import_id: uuid.UUID) -> Import:
    record = await repository.get_import(session, import_id)
    if record is None:
        raise ImportNotFound(f"no import {import_id}")
    return record


async def run(db: Database, job: ImportJob) -> None:
    """Validate, then apply atomically; the import row tells how it went."""
    try:
        await _run(db, job)
    except Exception as exc:  # a crash must still end the import, not leave it "applying"
        log.exception("import failed", extra={"import": str(job.import_id)})
        async with db.transaction(job.tenant_id) as session:
            error = RowError(0, "", f"internal error: {type(exc).__name__}").as_dict()
            await repository.set_progress(session, job.import_id, status="failed", errors=[error])


async def _progress(db: Database, job: ImportJob, **values: Any) -> None:
    async with db.transaction(job.tenant_id) as session:
        await repository.set_progress(session, job.import_id, **values)


async def _run(db: Database, job: ImportJob) -> None:
    await _progress(db, job, status="validating", processed_rows=0)
    parsed = csvformat.parse(job.header, job.rows)
    async with db.transaction(job.tenant_id) as session:
        session.info[ACTOR_KEY] = job.actor
        references = await _check_references(session, parsed)
        errors = sorted(parsed.errors, key=lambda e: (e.row, e.column))
        if errors:
            await repository.set_progress(
                session,
                job.import_id,
                status="failed",
                processed_rows=parsed.rows,
                errors=[e.as_dict() for e in errors[:1000]],
                summary={"bad_rows": len({e.row for e in errors})},
            )
            return
        await _progress(db, job, status="applying", processed_rows=parsed.rows)
        summary = await _apply(session, parsed, references)
        await repository.set_progress(
            session, job.import_id, status="succeeded", processed_rows=parsed.rows, summary=summary
        )


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


async def _apply(session: AsyncSession, parsed: ParsedFile, refs: References) -> dict[str, int]:
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
            event = ProducerUpdatedV1(
                producer_id=producer_id, name=declared.name, kind=declared.kind
            )
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
    await repository.upsert_variants(session, variant_rows)
    return {
        "producers_created": created,
        "producers_updated": updated,
        "products": len(product_rows),
        "variants": len(variant_rows),
    }


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


async def export(session: AsyncSession) -> str:
    """The tenant's catalog in the import format."""
    categories = await repository.category_slugs(session)
    rows: list[dict[str, str]] = []
    for producer, product, variant in await repository.export_rows(session):
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
