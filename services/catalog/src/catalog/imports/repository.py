"""Every query of CSV imports: bulk lookups and bulk upserts, chunked under the driver's
parameter limit (asyncpg: 32,767 per statement); the wake-up of the import job (`kit.wakeups`)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import Boolean, case, delete, func, literal_column, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Category, Import, ImportFile, Producer, Product, Variant
from kit import wakeups

CHUNK = 1000
PRODUCTS_PER_STATEMENT = 500  # 13 columns each: far under asyncpg's 32,767 parameters
T = TypeVar("T")
CHANNEL = "catalog_imports"  # NOTIFYed by the commit that queues an import


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def get_import(session: AsyncSession, import_id: uuid.UUID) -> Import | None:
    return await session.get(Import, import_id)


UNFINISHED = ("pending", "validating", "applying")


async def add(session: AsyncSession, record: Import, data: bytes) -> None:
    """An import and its file, written together; the import job wakes when they commit."""
    session.add(record)
    session.add(ImportFile(import_id=record.id, data=data))
    await wakeups.notify(session, CHANNEL)


async def next_due(session: AsyncSession) -> datetime | None:
    """When the earliest import `claim_next` does not take yet may be taken, any tenant's: a
    pending one (another worker holds its row) now, a started one when its lease lapses; None
    when none is unfinished."""
    lapses = case(
        (Import.status == "pending", func.now()),
        else_=func.coalesce(Import.lease_until, func.now()),
    )
    statement = (
        select(func.min(lapses))
        .where(Import.status.in_(UNFINISHED))
        .execution_options(all_tenants=True)
    )
    return cast(datetime | None, (await session.execute(statement)).scalar_one())


@dataclass(frozen=True)
class Claimed:
    """An import just claimed: whose it is, which try this is, who uploaded it, whether it
    publishes."""

    import_id: uuid.UUID
    tenant_id: uuid.UUID
    attempts: int
    actor: str | None
    publish: bool
    active_products_limit: int | None


async def claim_next(
    session: AsyncSession, token: uuid.UUID, lease_seconds: float, at: datetime | None = None
) -> Claimed | None:
    """Take the oldest pending import, or a started one whose lease lapsed (its worker died),
    of any tenant; other workers skip the row while this transaction holds it. Leases are read
    on the database's clock, the one every worker shares, unless `at` is given."""
    now = func.now() if at is None else at
    lapsed = or_(Import.lease_until.is_(None), Import.lease_until < now)
    found = await session.execute(
        select(Import.id)
        .where(Import.status.in_(UNFINISHED), or_(Import.status == "pending", lapsed))
        .order_by(Import.created_at)
        .limit(1)
        .with_for_update(skip_locked=True)
        .execution_options(all_tenants=True)
    )
    import_id = found.scalar_one_or_none()
    if import_id is None:
        return None
    claimed = await session.execute(
        update(Import)
        .where(Import.id == import_id)
        .values(
            status="validating",
            processed_rows=0,
            lease_token=token,
            lease_until=now + timedelta(seconds=lease_seconds),
            attempts=Import.attempts + 1,
        )
        .returning(
            Import.id,
            Import.tenant_id,
            Import.attempts,
            Import.actor,
            Import.publish,
            Import.active_products_limit,
        )
        .execution_options(all_tenants=True)
    )
    row = claimed.one()
    return Claimed(
        row.id, row.tenant_id, row.attempts, row.actor, row.publish, row.active_products_limit
    )


async def update_held(
    session: AsyncSession,
    import_id: uuid.UUID,
    token: uuid.UUID,
    *,
    lease_seconds: float | None = None,
    **values: Any,
) -> bool:
    """Write `values` (and renew the lease) only while `token` still holds the import; False
    when another worker took it over or it ended."""
    if lease_seconds is not None:
        values["lease_until"] = func.now() + timedelta(seconds=lease_seconds)
    found = await session.execute(
        update(Import)
        .where(Import.id == import_id, Import.lease_token == token, Import.status.in_(UNFINISHED))
        .values(**values)
        .returning(Import.id)
    )
    return found.first() is not None


async def end(session: AsyncSession, import_id: uuid.UUID, token: uuid.UUID, **values: Any) -> bool:
    """Close the import with `values`, drop its file; False when `token` no longer holds it."""
    found = await session.execute(
        update(Import)
        .where(Import.id == import_id, Import.lease_token == token, Import.status.in_(UNFINISHED))
        .values(lease_token=None, lease_until=None, **values)
        .returning(Import.id)
    )
    if found.first() is None:
        return False
    await session.execute(delete(ImportFile).where(ImportFile.import_id == import_id))
    return True


async def file_of(session: AsyncSession, import_id: uuid.UUID) -> bytes | None:
    found = await session.execute(select(ImportFile.data).where(ImportFile.import_id == import_id))
    return found.scalar_one_or_none()


async def producers_by_code(session: AsyncSession, codes: Sequence[str]) -> dict[str, Producer]:
    found: dict[str, Producer] = {}
    ids = []
    for code in codes:
        try:
            ids.append(uuid.UUID(code))
        except ValueError:
            continue
    for part in chunks(list(codes)):
        rows = await session.execute(select(Producer).where(Producer.code.in_(part)))
        found |= {p.code: p for p in rows.scalars() if p.code}
    for id_part in chunks(ids):
        rows = await session.execute(select(Producer).where(Producer.id.in_(id_part)))
        found |= {str(p.id): p for p in rows.scalars()}
    return found


async def categories_by_slug(session: AsyncSession, slugs: Sequence[str]) -> dict[str, uuid.UUID]:
    if not slugs:
        return {}
    rows = await session.execute(select(Category.slug, Category.id).where(Category.slug.in_(slugs)))
    return {row.slug: row.id for row in rows}


async def products_by_slug(session: AsyncSession, slugs: Sequence[str]) -> dict[str, Product]:
    found: dict[str, Product] = {}
    for part in chunks(list(slugs)):
        rows = await session.execute(select(Product).where(Product.slug.in_(part)))
        found |= {p.slug: p for p in rows.scalars()}
    return found


async def variants_by_sku(session: AsyncSession, skus: Sequence[str]) -> dict[str, Variant]:
    found: dict[str, Variant] = {}
    for part in chunks(list(skus)):
        rows = await session.execute(select(Variant).where(Variant.sku.in_(part)))
        found |= {v.sku: v for v in rows.scalars()}
    return found


async def upsert_producers(
    session: AsyncSession, rows: list[dict[str, Any]]
) -> list[tuple[uuid.UUID, str, bool]]:
    """Insert or update producers by code; returns (id, code, inserted) per row."""
    if not rows:
        return []
    base = insert(Producer)
    inserted = literal_column("(xmax = 0)", Boolean).label("inserted")
    statement = base.on_conflict_do_update(
        index_elements=["tenant_id", "code"],
        index_where=text("code IS NOT NULL"),
        set_={"kind": base.excluded.kind, "name": base.excluded.name, "updated_at": text("now()")},
    ).returning(Producer.id, Producer.code, inserted, sort_by_parameter_order=True)
    result = await session.execute(statement, rows)
    return [(row[0], str(row[1]), bool(row[2])) for row in result.all()]


async def upsert_products(
    session: AsyncSession, rows: list[dict[str, Any]]
) -> dict[str, uuid.UUID]:
    """Insert or update products by slug, one multi-row statement per chunk (so the bigram
    triggers of migration 0005 run once per chunk, not once per product); returns slug -> id."""
    found: dict[str, uuid.UUID] = {}
    columns = ("name", "description", "category_id", "tags", "season_months", "search_text")
    for part in chunks(rows, PRODUCTS_PER_STATEMENT):
        base = insert(Product).values(list(part))
        statement = base.on_conflict_do_update(
            constraint="uq_products_tenant_id_slug",
            set_={**{c: getattr(base.excluded, c) for c in columns}, "updated_at": text("now()")},
        ).returning(Product.slug, Product.id)
        result = await session.execute(statement)
        found |= {row[0]: row[1] for row in result.all()}
    return found


async def upsert_variants(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert or update variants by SKU (batched like products)."""
    if not rows:
        return 0
    columns = (
        "product_id",
        "name",
        "unit",
        "quantity",
        "price_amount",
        "currency",
        "stock",
        "made_to_order",
        "weight_grams",
        "position",
    )
    base = insert(Variant)
    statement = base.on_conflict_do_update(
        constraint="uq_variants_tenant_id_sku",
        set_={**{c: getattr(base.excluded, c) for c in columns}, "updated_at": text("now()")},
    )
    await session.execute(statement, rows)
    return len(rows)


async def export_rows(
    session: AsyncSession, only: Collection[uuid.UUID] | None = None
) -> list[tuple[Producer, Product | None, Variant | None]]:
    """Every variant with its product and producer, and products and producers without any
    (of the producers `only`, when given)."""
    statement = (
        select(Producer, Product, Variant)
        .outerjoin(Product, Product.producer_id == Producer.id)
        .outerjoin(Variant, Variant.product_id == Product.id)
        .order_by(Producer.created_at, Product.created_at, Variant.position, Variant.sku)
    )
    if only is not None:
        statement = statement.where(Producer.id.in_(list(only)))
    rows = (await session.execute(statement)).all()
    return [(row[0], row[1], row[2]) for row in rows]


async def category_slugs(session: AsyncSession) -> dict[uuid.UUID, str]:
    rows = await session.execute(select(Category.id, Category.slug))
    return {row.id: row.slug for row in rows}
