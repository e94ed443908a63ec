"""Place use cases: the same lifecycle as products, draft -> published -> archived."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog import i18n
from catalog.errors import MediaNotFound, NotPublishable, PlaceNotFound, ProductNotFound, SlugTaken
from catalog.media import repository as media_repo
from catalog.media.alt import media_ids
from catalog.media.urls import event_media, media_urls
from catalog.models import Place
from catalog.places import repository
from catalog.places.schemas import PlaceCreate, PlaceUpdate
from catalog.schemas import MediaAttachment
from contracts.catalog import PlacePublishedV1
from kit.events import outbox
from kit.preconditions import UNCONDITIONAL, IfMatch


async def _check_links(
    session: AsyncSession, media: list[MediaAttachment] | None, products: list[uuid.UUID] | None
) -> None:
    wanted_media = {m.media_id for m in media or []}
    missing_media = wanted_media - await media_repo.existing_media(session, wanted_media)
    if missing_media:
        raise MediaNotFound(f"no media {', '.join(sorted(map(str, missing_media)))}")
    wanted = set(products or [])
    missing = wanted - await repository.existing_products(session, wanted)
    if missing:
        raise ProductNotFound(f"no product {', '.join(sorted(map(str, missing)))}")


def _search_text(place: Place) -> str:
    return i18n.search_text(place.name, place.description, [place.slug, place.address or ""])


async def create_place(session: AsyncSession, data: PlaceCreate) -> Place:
    """Add a tourist spot as a draft."""
    if await repository.slug_exists(session, data.slug):
        raise SlugTaken(f"a place already uses the slug {data.slug!r}")
    await _check_links(session, data.media, data.related_product_ids)
    place = Place(**data.model_dump(mode="json", exclude={"related_product_ids"}))
    place.related_product_ids = list(data.related_product_ids)
    place.status = "draft"
    place.search_text = _search_text(place)
    repository.add(session, place)
    await session.flush()
    await session.refresh(place)
    return place


async def get_place(session: AsyncSession, place_id: uuid.UUID, *, lock: bool = False) -> Place:
    """A place; `lock` holds it until the transaction ends."""
    place = await repository.get_place(session, place_id, lock=lock)
    if place is None:
        raise PlaceNotFound(f"no place {place_id}")
    return place


async def update_place(
    session: AsyncSession,
    place_id: uuid.UUID,
    data: PlaceUpdate,
    precondition: IfMatch = UNCONDITIONAL,
) -> Place:
    """Change a place; `precondition` is checked on the locked row, so a stale `If-Match`
    changes nothing."""
    place = await get_place(session, place_id, lock=True)
    precondition.check(place)
    await _check_links(session, data.media, data.related_product_ids)
    changes: dict[str, Any] = data.model_dump(mode="json", exclude_unset=True)
    if data.related_product_ids is not None:
        changes["related_product_ids"] = list(data.related_product_ids)
    for field, value in changes.items():
        if value is not None or field in ("address", "latitude", "longitude"):
            setattr(place, field, value)
    place.search_text = _search_text(place)
    await session.flush()
    await session.refresh(place)
    return place


async def publish_place(session: AsyncSession, place_id: uuid.UUID, public_base_url: str) -> Place:
    """Make a place public: `catalog.place.published.v1`."""
    place = await get_place(session, place_id)
    if place.status == "published":
        return place
    if place.status == "archived":
        raise NotPublishable("an archived place cannot be published again")
    place.status = "published"
    place.published_at = datetime.now(UTC)
    await session.flush()
    await outbox.add(
        session,
        PlacePublishedV1(
            place_id=place.id,
            slug=place.slug,
            kind=place.kind,
            name=place.name,
            description=place.description,
            latitude=place.latitude,
            longitude=place.longitude,
            media_urls=[
                media_urls(public_base_url, uuid.UUID(m["media_id"]))["web"] for m in place.media
            ],
            related_product_ids=list(place.related_product_ids),
            address=place.address,
            opening_hours=list(place.opening_hours),
            media=event_media(
                public_base_url,
                place.media,
                await media_repo.alts_of(session, media_ids([place.media])),
            ),
        ),
    )
    await session.refresh(place)
    return place


async def archive_place(session: AsyncSession, place_id: uuid.UUID) -> Place:
    """Withdraw a place."""
    place = await get_place(session, place_id)
    if place.status != "archived":
        place.status = "archived"
        place.archived_at = datetime.now(UTC)
        await session.flush()
        await session.refresh(place)
    return place
