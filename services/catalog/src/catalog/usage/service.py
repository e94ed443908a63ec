"""The catalog's part of the monthly usage report (the gateway's `GET /v1/tenants/.../usage`)."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Place, Producer, Product
from catalog.usage import repository
from kit.months import month_bounds


class CatalogUsage(BaseModel):
    month: str
    products: int
    active_products: int
    producers: int
    places: int
    media_uploads: int
    media_bytes: int
    imported_rows: int


async def usage(session: AsyncSession, month: str) -> CatalogUsage:
    """Catalog size now, and uploads and imports in `month`."""
    start, end = month_bounds(month)
    uploads, size = await repository.media_between(session, start, end)
    return CatalogUsage(
        month=month,
        products=await repository.count_all(session, Product),
        active_products=await repository.count_published(session),
        producers=await repository.count_all(session, Producer),
        places=await repository.count_all(session, Place),
        media_uploads=uploads,
        media_bytes=size,
        imported_rows=await repository.imported_rows_between(session, start, end),
    )
