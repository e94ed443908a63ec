"""A campaign's posts, made one step at a time within the look-ahead horizon.

Each step is placed first (the cadence's time on every channel, or each channel's next weekly
slot), then its product is chosen as the products are at that moment (`selection`), then the
post is made from the template in the campaign's language and taken as far as the campaign has
gone: a draft, submitted, or approved and scheduled under the campaign's approval. The campaign
remembers where each channel's last step went (`placed`), so moving one post by hand moves
nothing else, and taking posts back (pause, edit, cancel) lets the next steps start from there.
Never commits.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import ProblemError
from publisher.channels import repository as channels_repo
from publisher.models import Campaign, Channel, Post, Product
from publisher.playbook import repository as playbook_repo
from publisher.posts import repository as posts_repo
from publisher.posts import service as posts
from publisher.scheduling import calendar, repository, selection
from publisher.scheduling.wording import fill
from publisher.settings import PublisherSettings

CADENCE = "*"  # the `placed` key of a cadence: every channel at the same time
MAX_STEPS_PER_RUN = 500  # one campaign's whole plan at most
ENOUGH_CADENCE_DAYS = 20_000  # decades of daily steps: a bound, never reached in practice


@dataclasses.dataclass
class Step:
    """Where one post goes: each channel's time."""

    times: dict[str, datetime]

    @property
    def first(self) -> datetime:
        return min(self.times.values())


def start_of(campaign: Campaign, zone: ZoneInfo) -> datetime:
    """The first instant a step may take: the start date's midnight, local."""
    start = datetime.fromisoformat(str(campaign.cadence["start_date"])).date()
    return calendar.local_instant(start, calendar.parse_hhmm("00:00"), zone)


def _placed(campaign: Campaign, key: str) -> datetime | None:
    value = (campaign.placed or {}).get(key)
    return datetime.fromisoformat(value) if value else None


async def next_step(session: AsyncSession, campaign: Campaign, zone: ZoneInfo) -> Step | None:
    """Where the campaign's next post goes (None: a channel has no slot in the coming weeks)."""
    if campaign.placement == "slots":
        return await _next_on_slots(session, campaign, zone)
    cadence = campaign.cadence
    instants = calendar.cadence_instants(
        datetime.fromisoformat(str(cadence["start_date"])).date(),
        calendar.parse_hhmm(str(cadence.get("time", "12:00"))),
        zone,
        every_days=int(cadence.get("every_days", 1)),
        skip_weekends=bool(cadence.get("skip_weekends", True)),
    )
    after, not_before = _placed(campaign, CADENCE), campaign.not_before
    for at in islice(instants, ENOUGH_CADENCE_DAYS):
        if (after is None or at > after) and (not_before is None or at >= not_before):
            return Step({str(c): at for c in campaign.channel_ids})
    return None


async def _next_on_slots(session: AsyncSession, campaign: Campaign, zone: ZoneInfo) -> Step | None:
    """Each channel's first weekly slot after its last step that no delivery holds."""
    times: dict[str, datetime] = {}
    floor = start_of(campaign, zone) - timedelta(seconds=1)
    for channel_id in campaign.channel_ids:
        after = max(
            _placed(campaign, str(channel_id)) or floor,
            (campaign.not_before - timedelta(seconds=1)) if campaign.not_before else floor,
        )
        found = await _free_slot(session, uuid.UUID(str(channel_id)), zone, after)
        if found is None:
            return None
        times[str(channel_id)] = found
    return Step(times)


async def _free_slot(
    session: AsyncSession, channel_id: uuid.UUID, zone: ZoneInfo, after: datetime
) -> datetime | None:
    slots = [(s.weekday, s.local_time) for s in await repository.slots_of(session, channel_id)]
    taken = await posts_repo.due_on_channel(session, channel_id)
    return calendar.next_free(slots, zone, after, taken)


def principal_of(campaign: Campaign) -> InternalPrincipal:
    """Who the campaign acts as when it makes a post on its own: the town's content team, with
    the plan's features and limits of whoever last set it going."""
    grants = campaign.grants or {}
    return InternalPrincipal(
        sub=f"campaign-{campaign.id}",
        kind="service",
        tenant_id=campaign.tenant_id,
        roles=frozenset({policy.WRITER}),
        limits={str(k): int(v) for k, v in (grants.get("limits") or {}).items()},
        features=frozenset(grants.get("features") or []),
    )


def grants_of(who: InternalPrincipal) -> dict[str, Any]:
    return {"limits": dict(who.limits), "features": sorted(who.features)}


async def advance(
    session: AsyncSession, settings: PublisherSettings, campaign: Campaign, now: datetime
) -> int:
    """Make every post whose step falls within the look-ahead horizon; how many were made."""
    zone = ZoneInfo(campaign.timezone)
    horizon = now + timedelta(hours=settings.campaign_lookahead_hours)
    made = 0
    chooser: selection.Chooser | None = None  # read once, when a step is first due
    for _ in range(MAX_STEPS_PER_RUN):
        if campaign.status not in repository.MAKING or campaign.made >= campaign.steps:
            break
        step = await next_step(session, campaign, zone)
        if step is None or step.first > horizon:
            break
        chooser = chooser or await selection.chooser(session, campaign)
        pick = chooser.next_product(now, zone)
        _remember_skips(campaign, pick.passed_over, now)
        if pick.product is not None:
            await _make_post(session, settings, campaign, pick.product, step)
            campaign.made += 1
            made += 1
        # A step without a product stays empty; the next one is tried at its own time.
        _place(campaign, step)
    await session.flush()
    return made


def _place(campaign: Campaign, step: Step) -> None:
    placed = dict(campaign.placed or {})
    if campaign.placement == "slots":
        placed.update({c: at.isoformat() for c, at in step.times.items()})
    else:
        placed[CADENCE] = step.first.isoformat()
    campaign.placed = placed  # a new dict: JSONB changes by value


def _remember_skips(
    campaign: Campaign, passed_over: list[tuple[uuid.UUID, str]], now: datetime
) -> None:
    """Record each product passed over and why, once per product and reason."""
    known = {(s["product_id"], s["reason"]) for s in campaign.skipped or []}
    new = [
        {"product_id": str(pid), "reason": reason, "at": now.isoformat()}
        for pid, reason in passed_over
        if (str(pid), reason) not in known
    ]
    if new:
        campaign.skipped = [*(campaign.skipped or []), *new]


async def texts_of(session: AsyncSession, campaign: Campaign) -> tuple[str, dict[str, str]]:
    """The campaign's template and each platform's own wording (a stored template's)."""
    if campaign.template_id is None:
        return campaign.template, {}
    stored = await playbook_repo.get_template(session, campaign.template_id)
    if stored is None:  # deleted since: the text copied at creation still serves
        return campaign.template, {}
    return stored.template, dict(stored.platform_texts or {})


def photo_of(product: Product, language: str) -> list[dict[str, Any]]:
    """The product's first photo as a post's media, described in the post's language."""
    for picture in product.media or []:
        urls = picture.get("urls") or {}
        url = urls.get("web") or urls.get("original") or next(iter(urls.values()), None)
        if url:
            alt = picture.get("alt") or {}
            return [{"url": url, "alt": alt} if alt else {"url": url}]
    return [{"url": str(u)} for u in (product.media_urls or [])[:1]]


async def _make_post(
    session: AsyncSession,
    settings: PublisherSettings,
    campaign: Campaign,
    product: Product,
    step: Step,
) -> Post:
    template, by_platform = await texts_of(session, campaign)
    channels = await channels_repo.get_many(session, [uuid.UUID(c) for c in step.times])
    post = Post(
        text=fill(template, product, campaign.language),
        channel_ids=list(step.times),
        variants=_variants(channels, by_platform, product, campaign.language),
        product_id=product.id,
        media=photo_of(product, campaign.language),
        campaign_id=campaign.id,
        planned_at=step.first.astimezone(UTC),
        planned_times={c: at.astimezone(UTC).isoformat() for c, at in step.times.items()},
        # The campaign's author and whoever edited it: they approve none of its posts.
        created_by=campaign.created_by,
        editors=list(campaign.editors or []),
    )
    session.add(post)
    await session.flush()
    await posts.record_new(session, post, f"system:campaign-{campaign.id}")
    if campaign.status in ("submitted", "running"):
        await _submit(session, settings, campaign, post)
    return post


def _variants(
    channels: list[Channel], by_platform: dict[str, str], product: Product, language: str
) -> dict[str, str]:
    return {
        str(c.id): fill(by_platform[c.platform], product, language)
        for c in channels
        if c.platform in by_platform
    }


async def _submit(
    session: AsyncSession, settings: PublisherSettings, campaign: Campaign, post: Post
) -> None:
    """Submit the new post; a running campaign approved as a whole approves it too. A post a
    platform refuses stays a draft with the reason for the writers."""
    who = principal_of(campaign)
    try:
        await posts.submit(session, settings, who, post.id)
    except ProblemError as refused:
        post.review_comment = f"not submitted: {refused.detail or refused.title}"
        return
    covered = campaign.status == "running" and campaign.approval == "campaign"
    if covered and post.status == "submitted" and campaign.approved_by is not None:
        await posts.approve_with_campaign(session, settings, post, campaign.approved_by, who)


async def withdraw(session: AsyncSession, campaign: Campaign, actor: str, why: str) -> int:
    """Take back the campaign's posts not yet on their way (their deliveries are cancelled);
    its next steps start again after the last post kept on each channel."""
    taken = await repository.withdrawable(session, campaign.id)
    for post in taken:
        await posts.withdraw(session, post, actor, why)
    campaign.made = max(campaign.made - len(taken), 0)
    kept = [
        p for p in await posts_repo.of_campaign(session, campaign.id) if p.status != "cancelled"
    ]
    campaign.placed = _last_times(campaign, kept)
    await session.flush()
    return len(taken)


def _last_times(campaign: Campaign, kept: list[Post]) -> dict[str, str]:
    last: dict[str, datetime] = {}
    for post in kept:
        if post.planned_at is None:
            continue
        times = posts.planned_times(post)
        for channel, at in times.items():
            key = channel if campaign.placement == "slots" else CADENCE
            last[key] = max(last.get(key, at), at)
    return {k: v.isoformat() for k, v in last.items()}
