"""Events the publisher publishes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from contracts.base import Event, register


@register
class LinkRequestedV1(Event):
    """A delivery needs a tracked link; analytics creates it (idempotent by `code`) and answers
    with `analytics.link.created.v1`. The dispatcher publishes only deliveries whose link exists,
    so a printed link never 404s."""

    event_type = "publisher.link.requested.v1"

    code: str
    destination: str
    utm: dict[str, str] = {}
    delivery_id: uuid.UUID | None = None
    post_id: uuid.UUID | None = None
    channel_id: uuid.UUID | None = None
    platform: str | None = None
    product_id: uuid.UUID | None = None
    producer_id: uuid.UUID | None = None
    place_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None


@register
class PostApprovedV1(Event):
    event_type = "publisher.post.approved.v1"

    post_id: uuid.UUID
    approved_by: str


@register
class DeliveryPublishedV1(Event):
    event_type = "publisher.delivery.published.v1"

    delivery_id: uuid.UUID
    post_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    platform_post_id: str
    permalink: str | None = None
    link_code: str | None = None
    product_id: uuid.UUID | None = None
    producer_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    published_at: datetime


@register
class DeliveryFailedV1(Event):
    event_type = "publisher.delivery.failed.v1"

    delivery_id: uuid.UUID
    post_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    category: str  # retry, reauth, permanent, quota
    reason: str


@register
class DeliveryUnconfirmedV1(Event):
    event_type = "publisher.delivery.unconfirmed.v1"

    delivery_id: uuid.UUID
    post_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str


@register
class ChannelNeedsReauthV1(Event):
    event_type = "publisher.channel.needs_reauth.v1"

    channel_id: uuid.UUID
    platform: str
    name: str
    reason: str
    # Who is told besides the town's admins: the staff member whose own account it is.
    owner_kind: str = "town"  # town, shop, staff
    owner_user: str | None = None


class ScheduledDelivery(BaseModel):
    delivery_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    due_at: datetime
    link_code: str | None = None


@register
class PostScheduledV1(Event):
    """An approved post got its deliveries, one per channel, each due at its time (UTC)."""

    event_type = "publisher.post.scheduled.v1"

    post_id: uuid.UUID
    campaign_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None
    deliveries: list[ScheduledDelivery] = []


class InsightReading(BaseModel):
    """One platform number as read: `metric` is Machi's name, `api_version` the platform's."""

    object_kind: str  # account, post
    object_id: str
    metric: str
    value: int
    api_version: str


@register
class InsightsCollectedV1(Event):
    """The publisher pulled a channel's numbers (it holds the tokens); analytics stores them
    as snapshots. Retired or unavailable metrics are named in `skipped`, never fatal."""

    event_type = "publisher.insights.collected.v1"

    channel_id: uuid.UUID
    platform: str
    taken_at: datetime
    # Whose account it is (town, shop, staff): a staff member's personal followers are not
    # the town's fans, and the reports count them apart.
    owner_kind: str = "town"
    readings: list[InsightReading] = []
    skipped: list[str] = []


# The citizen inbox's lifecycle (issue 16). No citizen's name or words travel in these events:
# consumers (response-time reports, partners' webhooks) need who, where and when only.


class _ConversationEvent(Event):
    conversation_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    kind: str  # comment, message
    at: datetime


@register
class ConversationOpenedV1(_ConversationEvent):
    """A citizen's first comment on a post, or first message, opened a thread."""

    event_type = "publisher.conversation.opened.v1"


@register
class ConversationAssignedV1(_ConversationEvent):
    """A staff member (`assignee`, a user id) took the thread; None: it was unassigned.
    `group_id`: the group of staff it was given to (None: none), the member whose turn it was
    as `assignee`. `by`: the user who handed it over, or `rule:<id>`."""

    event_type = "publisher.conversation.assigned.v1"

    assignee: str | None
    by: str
    group_id: uuid.UUID | None = None


@register
class ConversationRepliedV1(_ConversationEvent):
    """A staff reply reached the platform (`via`: comment, message, reply or push)."""

    event_type = "publisher.conversation.replied.v1"

    message_id: uuid.UUID
    via: str
    by: str | None


@register
class ConversationReopenedV1(_ConversationEvent):
    """A closed thread is open again: the citizen wrote again (`by` None, `at` the platform's
    time of their words), or a staff member (`by`) reopened it."""

    event_type = "publisher.conversation.reopened.v1"

    by: str | None = None


@register
class ConversationClosedV1(_ConversationEvent):
    """The thread was closed by a staff member (`by`)."""

    event_type = "publisher.conversation.closed.v1"

    by: str
