"""Queue slots and campaigns. Never commits (the step job opens its own transactions).

A campaign introduces its products one at a time (Takeo's "Fun Buy" page). It makes its posts
step by step shortly before they are due (`steps`), choosing each product then (`selection`):
draft -> submitted (by a writer) -> running (approved by another editor) <-> paused; any ->
cancelled. Pausing, editing and cancelling take back the posts not yet on their way.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from kit.auth import InternalPrincipal
from kit.db import Database
from kit.errors import Conflict, NotFound
from publisher.errors import (
    CampaignInvalid,
    CampaignNotFound,
    CampaignStartPassed,
    CampaignStateInvalid,
    ProductNotKnown,
    SelfApproval,
)
from publisher.models import Campaign, Post, Slot
from publisher.playbook import repository as playbook_repo
from publisher.posts import repository as posts_repo
from publisher.posts import service as posts
from publisher.posts.broadcast import Broadcasts
from publisher.products import repository as products_repo
from publisher.products.service import is_offered
from publisher.scheduling import repository, steps
from publisher.scheduling.schemas import CampaignCreate, CampaignUpdate, SlotCreate
from publisher.settings import PublisherSettings
from publisher.tenants import service as tenants

log = logging.getLogger(__name__)


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


async def create_campaign(
    session: AsyncSession, settings: PublisherSettings, who: InternalPrincipal, data: CampaignCreate
) -> Campaign:
    """The campaign, with the posts due within the look-ahead horizon made at once."""
    prefs = await tenants.current(session, settings.default_timezone)
    zone = tenants.zone(data.timezone or prefs.timezone)
    await posts._channels(session, who, data.channel_ids)
    template, language = await _template(session, data.template, data.template_id)
    if data.product_ids:
        products = await products_repo.get_many(session, data.product_ids)
        missing = [str(p) for p in data.product_ids if not is_offered(products.get(p))]
        if missing:
            raise ProductNotKnown(f"not published: {', '.join(missing)}")
    elif data.rules is None or data.steps is None:
        raise CampaignInvalid("give product_ids, or rules with the number of steps")
    campaign = Campaign(
        name=data.name,
        product_ids=[str(p) for p in data.product_ids],
        rules=(data.rules.model_dump(mode="json") if data.rules else {}),
        steps=data.steps or len(data.product_ids),
        channel_ids=[str(c) for c in data.channel_ids],
        template=template,
        template_id=data.template_id,
        cadence=data.cadence.model_dump(mode="json"),
        placement=data.placement,
        approval=data.approval,
        catch_up=data.catch_up,
        timezone=zone.key,
        language=data.language or language or prefs.default_language,
        created_by=who.actor,
        grants=steps.grants_of(who),
        status="draft",
        made=0,
        placed={},
        skipped=[],
    )
    session.add(campaign)
    await session.flush()
    await _require_future_start(session, campaign, zone)
    await steps.advance(session, settings, campaign, datetime.now(UTC))
    await session.refresh(campaign)
    return campaign


async def _template(
    session: AsyncSession, text: str | None, template_id: uuid.UUID | None
) -> tuple[str, str | None]:
    """The template's text and language: a stored one's, else the text given."""
    if template_id is not None:
        stored = await playbook_repo.get_template(session, template_id)
        if stored is None:
            raise CampaignInvalid(f"no stored template {template_id}")
        return stored.template, stored.language
    if text is None:
        raise CampaignInvalid("give a template text or a template_id")
    return text, None


async def _require_future_start(session: AsyncSession, campaign: Campaign, zone: ZoneInfo) -> None:
    """Without `catch_up`, a first post due in the past is refused: on approval its missed
    posts would all go out at once."""
    first = await steps.next_step(session, campaign, zone)
    if first is None:
        raise CampaignInvalid(
            "a channel has no free weekly slot in the coming weeks: add slots (/v1/slots) or"
            " place the campaign on its cadence"
        )
    if first.first < datetime.now(UTC) and not campaign.catch_up:
        raise CampaignStartPassed(
            f"its first post would be due at {first.first.astimezone(zone).isoformat()}, which"
            " has passed: start later, or send catch_up: true to post the missed ones on approval",
            first_due_at=first.first.isoformat(),
        )


async def get_campaign(
    session: AsyncSession, campaign_id: uuid.UUID, *, lock: bool = False
) -> Campaign:
    campaign = await repository.get_campaign(session, campaign_id, lock=lock)
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
    """Submit the campaign and every draft it has made (each validated on each channel)."""
    campaign = await get_campaign(session, campaign_id, lock=True)
    _require_status(campaign, ("draft", "submitted", "running"), "submitted")
    drafts = [p for p in await campaign_posts(session, campaign_id) if p.status in posts.EDITABLE]
    submitted = [await posts.submit(session, settings, who, p.id, broadcasts) for p in drafts]
    if campaign.status == "draft":
        campaign.status = "submitted"
        campaign.grants = steps.grants_of(who)
    return submitted


async def approve_campaign(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    campaign_id: uuid.UUID,
) -> list[Post]:
    """An editor approves the campaign: it runs, and, approved as a whole, its submitted posts
    and those it makes later are scheduled at their planned times."""
    campaign = await get_campaign(session, campaign_id, lock=True)
    if campaign.created_by == who.actor or who.actor in (campaign.editors or []):
        raise SelfApproval("you made or edited this campaign: another editor approves it")
    _require_status(campaign, ("submitted", "running"), "approved")
    approved: list[Post] = []
    if campaign.approval == "campaign":
        pending = [p for p in await campaign_posts(session, campaign_id) if p.status == "submitted"]
        approved = [await posts.approve(session, settings, who, p.id) for p in pending]
    campaign.status = "running"
    campaign.approved_by = who.actor
    await steps.advance(session, settings, campaign, datetime.now(UTC))
    return approved


async def pause_campaign(
    session: AsyncSession, who: InternalPrincipal, campaign_id: uuid.UUID
) -> Campaign:
    """Stop the campaign: its posts not yet on their way are taken back (made again on resume,
    each product chosen afresh)."""
    campaign = await get_campaign(session, campaign_id, lock=True)
    _require_status(campaign, repository.MAKING, "paused")
    await steps.withdraw(session, campaign, who.actor, "campaign paused")
    campaign.status = "paused"
    return await _fresh(session, campaign)


async def resume_campaign(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    campaign_id: uuid.UUID,
) -> Campaign:
    """Go on from now: the steps that passed while paused stay empty (a campaign that catches
    up posts them at once), the coming ones are made again."""
    campaign = await get_campaign(session, campaign_id, lock=True)
    _require_status(campaign, ("paused",), "resumed")
    campaign.status = "running" if campaign.approved_by else "draft"
    now = datetime.now(UTC)
    campaign.not_before = None if campaign.catch_up else now
    await steps.advance(session, settings, campaign, now)
    return await _fresh(session, campaign)


async def cancel_campaign(
    session: AsyncSession, who: InternalPrincipal, campaign_id: uuid.UUID
) -> Campaign:
    """End the campaign: its future posts are cancelled with their deliveries; what went out
    stays."""
    campaign = await get_campaign(session, campaign_id, lock=True)
    _require_status(campaign, (*repository.MAKING, "paused"), "cancelled")
    await steps.withdraw(session, campaign, who.actor, "campaign cancelled")
    campaign.status = "cancelled"
    return await _fresh(session, campaign)


async def update_campaign(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    campaign_id: uuid.UUID,
    data: CampaignUpdate,
) -> Campaign:
    """Edit the campaign: its posts not yet on their way are made again from the edit; those
    gone out stay. A change of what it says or where asks for approval again."""
    campaign = await get_campaign(session, campaign_id, lock=True)
    _require_status(campaign, (*repository.MAKING, "paused"), "edited")
    if data.name is not None:
        campaign.name = data.name
    content = data.model_dump(exclude_unset=True, exclude={"name"})
    if not content:
        return await _fresh(session, campaign)
    if who.actor not in (campaign.editors or []):
        campaign.editors = [*(campaign.editors or []), who.actor]  # a new list: JSONB by value
    if data.channel_ids is not None:
        await posts._channels(session, who, data.channel_ids)
        campaign.channel_ids = [str(c) for c in data.channel_ids]
    if data.template_id is not None or data.template is not None:
        campaign.template, language = await _template(session, data.template, data.template_id)
        campaign.template_id = data.template_id
        campaign.language = data.language or language or campaign.language
    if data.language is not None:
        campaign.language = data.language
    if data.rules is not None:
        campaign.rules = data.rules.model_dump(mode="json")
    if data.steps is not None:
        campaign.steps = data.steps
    await steps.withdraw(session, campaign, who.actor, "campaign edited")
    if campaign.status == "running":  # the editor approved other words than these
        campaign.status, campaign.approved_by = "submitted", None
    campaign.grants = steps.grants_of(who)
    await steps.advance(session, settings, campaign, datetime.now(UTC))
    return await _fresh(session, campaign)


def _require_status(campaign: Campaign, allowed: tuple[str, ...], action: str) -> None:
    if campaign.status not in allowed:
        raise CampaignStateInvalid(f"a {campaign.status} campaign cannot be {action}")


async def _fresh(session: AsyncSession, campaign: Campaign) -> Campaign:
    await session.flush()
    await session.refresh(campaign)
    return campaign


def utc_now() -> datetime:
    return datetime.now(UTC)


async def advance_all(
    db: Database, settings: PublisherSettings, clock: Callable[[], datetime] = utc_now
) -> int:
    """The step job: make every town's campaign posts due within the horizon; how many.

    Every campaign still making posts is visited, a page at a time: one with nothing due is
    left unchanged, so a single page ordered by last change would hold the same idle campaigns
    at its head on every run and never reach the others."""
    made = 0
    after: uuid.UUID | None = None
    while True:
        async with db.transaction() as session:
            page = await repository.campaigns_making(
                session, after=after, limit=settings.dispatch_batch_size
            )
        for campaign_id, tenant_id in page:
            try:
                made += await advance_one(db, settings, tenant_id, campaign_id, clock())
            except Exception:  # one campaign's fault must not stop every town's others
                log.exception("campaign steps failed", extra={"campaign": str(campaign_id)})
        if len(page) < settings.dispatch_batch_size:
            return made
        after = page[-1][0]


async def advance_one(
    db: Database,
    settings: PublisherSettings,
    tenant_id: uuid.UUID,
    campaign_id: uuid.UUID,
    now: datetime,
) -> int:
    """Make one campaign's posts due within the horizon of `now`, in its own transaction."""
    async with db.transaction(tenant_id) as session:
        campaign = await repository.get_campaign(session, campaign_id, lock=True)
        if campaign is None:
            return 0
        return await steps.advance(session, settings, campaign, now)
