"""Queue slots and campaigns. Never commits.

A campaign introduces its products one at a time (Takeo's "Fun Buy" page): one draft per product
from the template, planned at the cadence's local times; approving a draft schedules it there.
"""

from __future__ import annotations

import string
import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.auth import InternalPrincipal
from kit.errors import Conflict, NotFound
from publisher.errors import CampaignNotFound, CampaignStartPassed, ProductNotKnown
from publisher.models import Campaign, Post, Product, Slot
from publisher.posts import repository as posts_repo
from publisher.posts import service as posts
from publisher.posts.broadcast import Broadcasts
from publisher.posts.schemas import PostCreate
from publisher.products import repository as products_repo
from publisher.products.service import is_offered, localized, price_text
from publisher.scheduling import calendar, repository
from publisher.scheduling.schemas import CampaignCreate, SlotCreate
from publisher.settings import PublisherSettings
from publisher.tenants import service as tenants


async def add_slot(session: AsyncSession, who: InternalPrincipal, data: SlotCreate) -> Slot:
    """A weekly slot on a channel the caller may post to."""
    await posts._channels(session, who, [data.channel_id])
    for slot in await repository.slots_of(session, data.channel_id):
        if slot.weekday == data.weekday and slot.local_time == data.time:
            raise Conflict("that slot exists")
    slot = Slot(channel_id=data.channel_id, weekday=data.weekday, local_time=data.time)
    session.add(slot)
    await session.flush()
    return slot


async def remove_slot(session: AsyncSession, slot_id: uuid.UUID) -> None:
    if not await repository.delete_slot(session, slot_id):
        raise NotFound(f"no slot {slot_id}")


async def next_slot(
    session: AsyncSession, settings: PublisherSettings, channel_id: uuid.UUID, timezone: str | None
) -> datetime:
    zone = await tenants.timezone_of(session, timezone, settings.default_timezone)
    return await posts.next_slot(session, channel_id, zone)


class _Fields(dict[str, str]):
    """Template fields; an unknown `{field}` stays as written ({link} is filled at publish)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, product: Product, language: str) -> str:
    """The template with the product's catalog fields in `language`."""
    fields = _Fields(
        name=localized(product.name, language, product.slug),
        producer=localized(product.producer_name, language),
        price=price_text(product),
        story=localized(product.story, language),
        slug=product.slug,
    )
    return string.Formatter().vformat(template, (), fields)


async def create_campaign(
    session: AsyncSession, settings: PublisherSettings, who: InternalPrincipal, data: CampaignCreate
) -> Campaign:
    """The campaign and one draft per product, planned at the cadence's local times."""
    prefs = await tenants.current(session, settings.default_timezone)
    zone = tenants.zone(data.timezone or prefs.timezone)
    language = data.language or prefs.default_language
    await posts._channels(session, who, data.channel_ids)
    products = await products_repo.get_many(session, data.product_ids)
    missing = [str(p) for p in data.product_ids if not is_offered(products.get(p))]
    if missing:
        raise ProductNotKnown(f"not published: {', '.join(missing)}")
    cadence = data.cadence
    days = calendar.cadence_days(
        cadence.start_date,
        len(data.product_ids),
        every_days=cadence.every_days,
        skip_weekends=cadence.skip_weekends,
    )
    at = calendar.parse_hhmm(cadence.time)
    first = calendar.local_instant(days[0], at, zone)
    if first < datetime.now(UTC) and not data.catch_up:
        # Its past posts would all go out the moment they are approved, at once.
        raise CampaignStartPassed(
            f"its first post would be due at {first.astimezone(zone).isoformat()}, which has"
            " passed: start later, or send catch_up: true to post the missed ones on approval",
            first_due_at=first.isoformat(),
        )
    campaign = Campaign(
        name=data.name,
        product_ids=[str(p) for p in data.product_ids],
        channel_ids=[str(c) for c in data.channel_ids],
        template=data.template,
        cadence=cadence.model_dump(mode="json"),
        timezone=zone.key,
        language=language,
        created_by=who.actor,
    )
    session.add(campaign)
    await session.flush()
    for product_id, day in zip(data.product_ids, days, strict=True):
        draft = PostCreate(
            text=fill(data.template, products[product_id], language),
            channel_ids=data.channel_ids,
            product_id=product_id,
        )
        post = await posts.create(session, who, draft)
        post.campaign_id = campaign.id
        post.planned_at = calendar.local_instant(day, at, zone)
    await session.flush()
    await session.refresh(campaign)
    return campaign


async def get_campaign(session: AsyncSession, campaign_id: uuid.UUID) -> Campaign:
    campaign = await repository.get_campaign(session, campaign_id)
    if campaign is None:
        raise CampaignNotFound(f"no campaign {campaign_id}")
    return campaign


async def campaign_posts(session: AsyncSession, campaign_id: uuid.UUID) -> list[Post]:
    await get_campaign(session, campaign_id)
    return await posts_repo.of_campaign(session, campaign_id)


async def campaign_posts_page(
    session: AsyncSession, campaign_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[Post], str | None]:
    """A page of the campaign's posts, in planned order."""
    await get_campaign(session, campaign_id)
    return await posts_repo.campaign_page(session, campaign_id, cursor=cursor, limit=limit)


async def submit_campaign(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    campaign_id: uuid.UUID,
    broadcasts: Broadcasts | None = None,
) -> list[Post]:
    """Submit every draft of the campaign (each validated on each channel)."""
    drafts = [p for p in await campaign_posts(session, campaign_id) if p.status in posts.EDITABLE]
    return [await posts.submit(session, settings, who, p.id, broadcasts) for p in drafts]


async def approve_campaign(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    campaign_id: uuid.UUID,
) -> list[Post]:
    """Approve every submitted post of the campaign; each is scheduled at its planned time."""
    pending = [p for p in await campaign_posts(session, campaign_id) if p.status == "submitted"]
    return [await posts.approve(session, settings, who, p.id) for p in pending]
