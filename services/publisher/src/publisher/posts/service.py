"""Post use cases: drafts, per-channel validation, the editorial workflow, scheduling.

Workflow: draft -> submitted -> approved | rejected(comment) -> scheduled; nobody approves their
own post; when none of a post's channels asks for approval, submitting approves it. Every step
is a `post_transitions` row (who, when). Never commits.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.catalog import ProductPublishedV1
from contracts.publisher import (
    LinkRequestedV1,
    PostApprovedV1,
    PostScheduledV1,
    ScheduledDelivery,
)
from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import Forbidden, InvalidInput, QuotaExceeded
from kit.events import outbox
from kit.preconditions import UNCONDITIONAL, IfMatch
from publisher.channels import repository as channels_repo
from publisher.channels import service as channels_service
from publisher.dispatch import repository as deliveries_repo
from publisher.errors import (
    ChannelNeedsReauth,
    ChannelNotAllowed,
    InvalidTransition,
    NotYourDraft,
    PlatformUnavailable,
    PostInvalid,
    PostNotFound,
    ProductNotKnown,
    SelfApproval,
)
from publisher.models import Channel, Delivery, Post, PostTransition, Product
from publisher.platforms.line import rules as line_rules
from publisher.posts import broadcast, repository, validation
from publisher.posts.broadcast import Broadcasts
from publisher.posts.schemas import (
    ChannelPreview,
    PostCreate,
    PostMedia,
    PostUpdate,
    PreviewRead,
    ScheduleRequest,
)
from publisher.products import repository as products_repo
from publisher.products.service import is_offered, localized, storefront_url, unavailable
from publisher.scheduling import calendar
from publisher.scheduling import repository as scheduling_repo
from publisher.settings import PublisherSettings
from publisher.tenants import service as tenants

DEFAULT_LANGUAGE = "ja"
LINK_PLACEHOLDER = "{link}"
PREVIEW_CODE = "x" * 11  # the length of secrets.token_urlsafe(8)
EDITABLE = ("draft", "rejected")
POSTS_PER_MONTH = "posts_per_month"  # the plan's limit (gateway plans)


def draft_text(product: ProductPublishedV1, language: str = DEFAULT_LANGUAGE) -> str:
    """A first draft a writer will rework: name and producer, in the town's language."""
    name = localized(product.name, language, product.slug)
    producer = localized(product.producer_name, language)
    return f"{name} / {producer}" if producer else name


async def draft_for_published_product(
    session: AsyncSession, product: ProductPublishedV1, event_id: uuid.UUID
) -> Post:
    """A draft for a newly published product (unique per source event)."""
    post = Post(
        text=draft_text(product),
        product_id=product.product_id,
        source_event_id=event_id,
        created_by="system:catalog",
    )
    session.add(post)
    await session.flush()
    return post


def render(text: str, short_url: str | None) -> str:
    """The text as published: the tracked link in place of `{link}`, or appended."""
    if short_url is None:
        return text.replace(LINK_PLACEHOLDER, "").strip()
    if LINK_PLACEHOLDER in text:
        return text.replace(LINK_PLACEHOLDER, short_url)
    return f"{text.rstrip()}\n{short_url}"


def text_for(post: Post, channel_id: uuid.UUID) -> str:
    return str((post.variants or {}).get(str(channel_id)) or post.text)


async def _channels(
    session: AsyncSession, who: InternalPrincipal | None, ids: list[uuid.UUID]
) -> list[Channel]:
    """The channels `ids`, each one the caller may post to (400 for unknown ones)."""
    channels = await channels_repo.get_many(session, ids)
    missing = set(ids) - {c.id for c in channels}
    if missing:
        raise InvalidInput(f"unknown channel(s): {', '.join(sorted(map(str, missing)))}")
    for channel in channels:
        if who is not None and not channels_service.may_post(who, channel):
            raise ChannelNotAllowed(f"channel {channel.id} is not yours")
    return channels


def _media(items: list[Any]) -> list[dict[str, Any]]:
    return [i.model_dump(exclude_none=True) if hasattr(i, "model_dump") else dict(i) for i in items]


def _renditions(renditions: Mapping[str, str]) -> dict[str, str]:
    """The writer's rendition per platform, refused (`post-invalid`) where a platform's rules
    do not allow it."""
    refused = validation.renditions_refused(renditions)
    if refused:
        raise PostInvalid("a rendition breaks a platform rule", problems={"renditions": refused})
    return dict(renditions)


async def create(session: AsyncSession, who: InternalPrincipal, data: PostCreate) -> Post:
    """A draft post by `who`."""
    renditions = _renditions(data.renditions)
    await _channels(session, who, data.channel_ids)
    if data.product_id is not None and not is_offered(
        await products_repo.get(session, data.product_id)
    ):
        raise ProductNotKnown(f"product {data.product_id} is not published")
    post = Post(
        text=data.text,
        channel_ids=[str(c) for c in data.channel_ids],
        variants={str(k): v for k, v in data.variants.items()},
        product_id=data.product_id,
        place_id=data.place_id,
        url=data.url,
        media=_media(data.media),
        renditions=renditions,
        planned_at=data.planned_at.astimezone(UTC) if data.planned_at else None,
        created_by=who.actor,
    )
    session.add(post)
    await session.flush()
    await _record(session, post, "new", "draft", who.actor)
    return post


async def record_new(session: AsyncSession, post: Post, actor: str) -> None:
    """The first step of a post made on someone's behalf (a campaign's)."""
    await _record(session, post, "new", "draft", actor)


async def get(session: AsyncSession, post_id: uuid.UUID, *, lock: bool = False) -> Post:
    post = await repository.get(session, post_id, lock=lock)
    if post is None:
        raise PostNotFound(f"no post {post_id}")
    return post


async def update(
    session: AsyncSession,
    who: InternalPrincipal,
    post_id: uuid.UUID,
    data: PostUpdate,
    precondition: IfMatch = UNCONDITIONAL,
) -> Post:
    """Edit a draft or a rejected post: its author, an editor or admin, or (a draft the system
    made) anyone who writes; the editor is remembered, so they cannot approve it. A stale
    `precondition` (checked on the locked row) changes nothing."""
    post = await get(session, post_id, lock=True)
    if post.status not in EDITABLE:
        raise InvalidTransition(f"a {post.status} post cannot be edited")
    _require_editable_by(post, who)
    # After the checks that answer otherwise without it, before the body (RFC 9110 13.2.1).
    precondition.check(post)
    if data.channel_ids is not None:
        await _channels(session, who, data.channel_ids)
        post.channel_ids = [str(c) for c in data.channel_ids]
    if data.text is not None:
        post.text = data.text
    if data.variants is not None:
        post.variants = {str(k): v for k, v in data.variants.items()}
    if data.url is not None:
        post.url = data.url
    if data.media is not None:
        post.media = _media(data.media)
    if data.renditions is not None:
        post.renditions = _renditions(data.renditions)
    if who.actor not in (post.editors or []):
        post.editors = [*(post.editors or []), who.actor]  # a new list: JSONB changes by value
    await session.flush()
    return post


def _system_made(post: Post) -> bool:
    """A draft from a product event or a campaign is the writing team's, nobody's own."""
    return post.created_by is None or post.created_by.startswith("system:")


def _require_editable_by(post: Post, who: InternalPrincipal) -> None:
    """A writer does not rewrite another writer's draft; editors and admins may."""
    if post.created_by == who.actor or who.has_role(*policy.EDITORS):
        return
    if _system_made(post) and who.has_role(*policy.WRITERS):
        return
    raise NotYourDraft("another writer's post: its author or an editor edits it")


def _contributed(post: Post, who: InternalPrincipal) -> bool:
    return who.actor == post.created_by or who.actor in (post.editors or [])


async def _destination(session: AsyncSession, post: Post) -> tuple[str | None, Product | None]:
    """Where the post's tracked link leads: the product's store page, or the post's URL."""
    product = await products_repo.get(session, post.product_id) if post.product_id else None
    if product is not None and storefront_url(product):
        return storefront_url(product), product
    return post.url, product


async def preview(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    data: PostCreate,
    broadcasts: Broadcasts | None = None,
) -> PreviewRead:
    """Each channel's text as it would go out, with a tracked link, checked against its rules;
    a LINE broadcast also shows the messages it will use."""
    post = Post(
        text=data.text,
        variants={str(k): v for k, v in data.variants.items()},
        product_id=data.product_id,
        url=data.url,
        media=_media(data.media),
        renditions=dict(data.renditions),
    )
    channels = await _channels(session, who, data.channel_ids)
    return await _preview(session, settings, who, post, channels, broadcasts)


async def validation_of(
    session: AsyncSession, settings: PublisherSettings, who: InternalPrincipal, post: Post
) -> PreviewRead:
    """What the preview says of a stored post on each of its channels, without asking LINE
    for a broadcast's reach (the preview and submit do)."""
    # Access to the channels was checked when they were chosen; one removed since is left out.
    ids = [uuid.UUID(c) for c in post.channel_ids]
    found = {c.id: c for c in await channels_repo.get_many(session, ids)}
    channels = [found[c] for c in ids if c in found]
    return await _preview(session, settings, who, post, channels, None)


async def _preview(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    post: Post,
    channels: list[Channel],
    broadcasts: Broadcasts | None,
) -> PreviewRead:
    checked = await _check(session, settings, post, channels)
    for shown, channel in zip(checked.channels, channels, strict=True):
        if channel.platform != "line":
            continue
        try:
            if broadcasts is not None and broadcast.allowed(who):
                shown.broadcast = await broadcasts.estimate(channel)
        except PlatformUnavailable as exc:
            shown.problems.append(exc.detail)
        shown.problems.extend(broadcast.problems(who, shown.broadcast))
        shown.valid = not shown.problems
    checked.valid = all(p.valid for p in checked.channels)
    return checked


async def _check(
    session: AsyncSession, settings: PublisherSettings, post: Post, channels: list[Channel]
) -> PreviewRead:
    destination, product = await _destination(session, post)
    link = f"{settings.public_base_url}/r/{PREVIEW_CODE}" if destination else None
    previews = []
    for channel in channels:
        text = render(text_for(post, channel.id), link)
        found = validation.problems(
            channel.platform, channel.config, text, list(post.media or []), post.renditions
        )
        length, limit = validation.length(channel.platform, channel.config, text)
        sent = validation.sent_media(channel.platform, list(post.media or []), post.renditions)
        previews.append(
            ChannelPreview(
                channel_id=channel.id,
                platform=channel.platform,
                text=text,
                length=length,
                max_length=limit,
                valid=not found,
                problems=found,
                media=[PostMedia.model_validate(item) for item in sent],
            )
        )
    return PreviewRead(
        valid=all(p.valid for p in previews),
        channels=previews,
        product_unavailable=unavailable(product) if product is not None else None,
    )


async def _record(
    session: AsyncSession,
    post: Post,
    before: str,
    after: str,
    actor: str,
    comment: str | None = None,
) -> None:
    post.status = after
    session.add(
        PostTransition(
            post_id=post.id,
            from_status=before,
            to_status=after,
            actor=actor,
            comment=comment,
            at=datetime.now(UTC),
        )
    )
    await session.flush()


async def _move(
    session: AsyncSession,
    post: Post,
    allowed: tuple[str, ...],
    to: str,
    actor: str,
    comment: str | None = None,
) -> None:
    if post.status not in allowed:
        raise InvalidTransition(f"a {post.status} post cannot become {to}")
    await _record(session, post, post.status, to, actor, comment)


async def submit(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    post_id: uuid.UUID,
    broadcasts: Broadcasts | None = None,
) -> Post:
    """Validate on every channel, estimate LINE broadcasts, then ask for approval (or skip it
    where no channel asks)."""
    post = await get(session, post_id, lock=True)
    ids = [uuid.UUID(c) for c in post.channel_ids]
    if not ids:
        raise InvalidInput("choose at least one channel before submitting")
    channels = await _channels(session, who, ids)
    _require_connected(channels)
    checked = await _check(session, settings, post, channels)
    if not checked.valid:
        raise PostInvalid(
            "the post breaks platform rules",
            problems={str(p.channel_id): p.problems for p in checked.channels if p.problems},
        )
    post.estimates = await _estimates(who, channels, broadcasts)
    await _move(session, post, EDITABLE, "submitted", who.actor)
    if any(c.approval_policy == "editor" for c in channels):
        return post
    await _approve(
        session, settings, post, "policy:no-approval", "no channel asks for approval", who
    )
    return post


def _require_connected(channels: list[Channel]) -> None:
    """A channel whose token the platform no longer takes would hold the post forever: the
    admin reconnects it first."""
    stopped = [c for c in channels if c.status == "needs_reauth"]
    if stopped:
        names = ", ".join(f"{c.name} ({c.id})" for c in stopped)
        raise ChannelNeedsReauth(
            f"reconnect {names} before submitting: the platform no longer accepts its token",
            channel_ids=[str(c.id) for c in stopped],
        )


async def _estimates(
    who: InternalPrincipal, channels: list[Channel], broadcasts: Broadcasts | None
) -> dict[str, Any]:
    """The messages each LINE broadcast will use, refused over the plan or the quota."""
    found: dict[str, Any] = {}
    for channel in channels:
        if channel.platform != "line":
            continue
        estimate = None
        if broadcasts is not None and broadcast.allowed(who):
            estimate = await broadcasts.estimate(channel)
        broadcast.require(who, channel, estimate)
        if estimate is not None:
            found[str(channel.id)] = estimate.model_dump()
    return found


async def approve(
    session: AsyncSession, settings: PublisherSettings, who: InternalPrincipal, post_id: uuid.UUID
) -> Post:
    """An editor approves a submitted post they neither wrote nor edited."""
    post = await get(session, post_id, lock=True)
    if _contributed(post, who):
        raise SelfApproval("you wrote or edited this post: another editor approves it")
    if post.status != "submitted":
        raise InvalidTransition(f"a {post.status} post cannot be approved")
    await _approve(session, settings, post, who.actor, None, who)
    return post


async def approve_with_campaign(
    session: AsyncSession,
    settings: PublisherSettings,
    post: Post,
    approver: str,
    who: InternalPrincipal,
) -> None:
    """A campaign's post approved by the editor's approval of the whole campaign."""
    await _approve(session, settings, post, approver, "approved with its campaign", who)


async def _approve(
    session: AsyncSession,
    settings: PublisherSettings,
    post: Post,
    actor: str,
    note: str | None,
    who: InternalPrincipal,
) -> None:
    await _move(session, post, ("submitted",), "approved", actor, note)
    await outbox.add(session, PostApprovedV1(post_id=post.id, approved_by=actor))
    if post.planned_at is not None:  # a campaign's post goes to its planned time once approved
        await _schedule_at(session, settings, post, who, actor, planned_times(post))


def planned_times(post: Post) -> dict[str, datetime]:
    """Each channel's planned time: its own slot, else the post's one planned time."""
    own = {c: datetime.fromisoformat(at) for c, at in (post.planned_times or {}).items()}
    assert post.planned_at is not None
    return {c: own.get(c, post.planned_at) for c in post.channel_ids}


async def reject(
    session: AsyncSession, who: InternalPrincipal, post_id: uuid.UUID, comment: str
) -> Post:
    """An editor sends a submitted post back with a comment."""
    post = await get(session, post_id, lock=True)
    await _move(session, post, ("submitted",), "rejected", who.actor, comment)
    post.review_comment = comment
    return post


async def schedule(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    post_id: uuid.UUID,
    request: ScheduleRequest,
) -> Post:
    """Schedule an approved post at a time in the tenant's zone, or in each channel's next slot;
    an editor moves a scheduled one the same way."""
    post = await get(session, post_id, lock=True)
    if post.status == "scheduled":
        return await _reschedule(session, settings, who, post, request)
    if post.status != "approved":
        raise InvalidTransition(f"a {post.status} post cannot be scheduled")
    times = await _times(session, settings, post, request)
    await _schedule_at(session, settings, post, who, who.actor, times)
    return post


async def _times(
    session: AsyncSession, settings: PublisherSettings, post: Post, request: ScheduleRequest
) -> dict[str, datetime]:
    """When each of the post's channels gets it, as `request` asks."""
    zone = await tenants.timezone_of(session, request.timezone, settings.default_timezone)
    if request.next_free_slot:
        return {c: await next_slot(session, uuid.UUID(c), zone) for c in post.channel_ids}
    at = instant(request.at, zone) if request.at else datetime.now(UTC)
    return {c: at for c in post.channel_ids}


async def _reschedule(
    session: AsyncSession,
    settings: PublisherSettings,
    who: InternalPrincipal,
    post: Post,
    request: ScheduleRequest,
) -> Post:
    """Move a scheduled post's deliveries that have not started; its approval stands."""
    if not who.has_role(*policy.EDITORS):
        raise Forbidden("an editor moves a scheduled post")
    times = await _times(session, settings, post, request)
    moved = await repository.move_pending(session, post.id, times)
    if not moved:
        raise InvalidTransition("every delivery of this post has started: it cannot be moved")
    if post.planned_at is not None:  # a campaign's post: its place in the campaign moves too
        post.planned_at = min(d.due_at for d in moved)
        post.planned_times = {
            **(post.planned_times or {}),
            **{str(d.channel_id): d.due_at.isoformat() for d in moved},
        }
    await _record(session, post, "scheduled", "scheduled", who.actor, "moved")
    await _announce_scheduled(session, post, moved)
    return post


def instant(at: datetime, zone: ZoneInfo) -> datetime:
    """An aware instant; an offset-less time is read on the tenant's wall clock."""
    if at.tzinfo is None:
        return calendar.local_instant(at.date(), at.time(), zone)
    return at.astimezone(UTC)


async def next_slot(session: AsyncSession, channel_id: uuid.UUID, zone: ZoneInfo) -> datetime:
    """The channel's next weekly slot that no delivery holds yet."""
    slots = [(s.weekday, s.local_time) for s in await scheduling_repo.slots_of(session, channel_id)]
    taken = await repository.due_on_channel(session, channel_id)
    found = calendar.next_free(slots, zone, datetime.now(UTC), taken)
    if found is None:
        raise InvalidInput(f"channel {channel_id} has no free queue slot in the next weeks")
    return found


async def _schedule_at(
    session: AsyncSession,
    settings: PublisherSettings,
    post: Post,
    who: InternalPrincipal,
    actor: str,
    times: dict[str, datetime],
) -> None:
    """One delivery per channel; each promoting delivery asks analytics for its tracked link."""
    await _within_monthly_posts(session, who)
    destination, product = await _destination(session, post)
    channels = {
        c.id: c for c in await channels_repo.get_many(session, [uuid.UUID(c) for c in times])
    }
    planned: list[ScheduledDelivery] = []
    for channel_id, due_at in times.items():
        channel = channels[uuid.UUID(channel_id)]
        delivery = Delivery(
            id=uuid.uuid4(),
            post_id=post.id,
            channel_id=channel.id,
            platform=channel.platform,
            state="scheduled",
            due_at=due_at,
            link_ready=destination is None,
            idempotency_key=uuid.uuid4(),
            product_id=post.product_id,
            producer_id=product.producer_id if product else None,
            campaign_id=post.campaign_id,
            prepared=_card(channel, post, who),
            estimated_messages=(post.estimates or {}).get(channel_id, {}).get("messages"),
        )
        if destination is not None:
            delivery.link_code = secrets.token_urlsafe(8)
            await outbox.add(session, _link_request(delivery, post, channel, destination, product))
        session.add(delivery)
        planned.append(
            ScheduledDelivery(
                delivery_id=delivery.id,
                channel_id=channel.id,
                platform=channel.platform,
                due_at=due_at,
                link_code=delivery.link_code,
            )
        )
    await session.flush()
    await _move(session, post, ("approved",), "scheduled", actor)
    await _announce_scheduled(session, post, planned)


def _card(channel: Channel, post: Post, who: InternalPrincipal) -> dict[str, Any]:
    """A LINE broadcast about a product goes out as its card (a Flex message) when the plan
    has `line_broadcast`; decided here, where the plan is known, for the dispatcher."""
    if channel.platform != "line" or post.product_id is None or not broadcast.allowed(who):
        return {}
    return {line_rules.CARD_KEY: True}


async def _within_monthly_posts(session: AsyncSession, who: InternalPrincipal) -> None:
    """The plan's `posts_per_month`: posts scheduled since the first of the month (UTC)."""
    limit = who.limits.get(POSTS_PER_MONTH)
    if limit is None:
        return
    month = datetime.now(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    used = await repository.scheduled_since(session, month)
    if used >= limit:
        raise QuotaExceeded(
            f"the plan allows {limit} scheduled posts a month; {used} are this month's",
            quota=POSTS_PER_MONTH,
            limit=limit,
        )


def _link_request(
    delivery: Delivery, post: Post, channel: Channel, destination: str, product: Product | None
) -> LinkRequestedV1:
    assert delivery.link_code is not None
    return LinkRequestedV1(
        code=delivery.link_code,
        destination=destination,
        utm={
            "utm_source": channel.platform,
            "utm_medium": "social",
            "utm_campaign": str(post.campaign_id or post.id),
            "utm_content": str(delivery.id),
        },
        delivery_id=delivery.id,
        post_id=post.id,
        channel_id=channel.id,
        platform=channel.platform,
        product_id=post.product_id,
        producer_id=product.producer_id if product else None,
        place_id=post.place_id,
        campaign_id=post.campaign_id,
    )


async def cancel(session: AsyncSession, who: InternalPrincipal, post_id: uuid.UUID) -> Post:
    """Withdraw a post; its deliveries that have not gone out are cancelled."""
    post = await get(session, post_id, lock=True)
    allowed = ("draft", "submitted", "approved", "rejected", "scheduled")
    await _move(session, post, allowed, "cancelled", who.actor)
    await repository.cancel_pending(session, post.id)
    return post


async def withdraw(session: AsyncSession, post: Post, actor: str, why: str) -> None:
    """Cancel a post its campaign takes back (paused, edited, cancelled), saying why."""
    await _record(session, post, post.status, "cancelled", actor, why)
    await repository.cancel_pending(session, post.id)


def derived_status(states: list[str]) -> str | None:
    """A dispatched post's status from its deliveries (None while some are still on the way)."""
    if any(s in ("scheduled", "publishing", "committing", "unconfirmed") for s in states):
        return None
    if all(s == "skipped" for s in states):
        return "skipped"  # its product was archived or sold out by its time
    states = [s for s in states if s != "skipped"]
    published = states.count("published")
    if published == len(states):
        return "published"
    if published:
        return "partly_published"
    return "failed"


async def reopen(session: AsyncSession, post_id: uuid.UUID, actor: str) -> None:
    """A settled post one of whose deliveries goes out again is on its way once more."""
    post = await get(session, post_id, lock=True)
    if post.status in ("failed", "partly_published"):
        await _record(session, post, post.status, "scheduled", actor)


async def refresh_status(session: AsyncSession, post_id: uuid.UUID) -> None:
    """Derive the post's status once its deliveries have settled."""
    post = await get(session, post_id, lock=True)
    states = [
        d.state for d in await repository.deliveries_of(session, post_id) if d.state != "cancelled"
    ]
    status = derived_status(states) if states else None
    if status is not None and status != post.status:
        await _record(session, post, post.status, status, "system:dispatcher")


async def refresh_statuses(session: AsyncSession, post_ids: list[uuid.UUID]) -> None:
    """`refresh_status` for many posts of any tenant at once (the dispatcher's group writes)."""
    if not post_ids:
        return
    locked = await repository.lock_many(session, sorted(set(post_ids)))
    states = await repository.delivery_states(session, [p.id for p in locked])
    now = datetime.now(UTC)
    for post in locked:
        settled = [s for s in states.get(post.id, []) if s != "cancelled"]
        status = derived_status(settled) if settled else None
        if status is None or status == post.status:
            continue
        session.add(
            PostTransition(
                tenant_id=post.tenant_id,
                post_id=post.id,
                from_status=post.status,
                to_status=status,
                actor="system:dispatcher",
                at=now,
            )
        )
        post.status = status
    await session.flush()


async def _announce_scheduled(
    session: AsyncSession, post: Post, deliveries: list[ScheduledDelivery]
) -> None:
    """`publisher.post.scheduled.v1` for `deliveries`, in the scheduling transaction, which
    also wakes the dispatcher to learn their due times."""
    await deliveries_repo.wake_dispatcher(session)
    await outbox.add(
        session,
        PostScheduledV1(
            post_id=post.id,
            campaign_id=post.campaign_id,
            product_id=post.product_id,
            deliveries=deliveries,
        ),
    )
