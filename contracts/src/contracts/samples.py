"""Sample events for tests and benchmarks: Takeo's garlic, its town and a post that went out.

Kept beside the schemas so a new required field is filled in once, not in every suite that
pretends to be another service. Any field can be overridden; ids are fresh on each call.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from contracts.catalog import ProductPublishedV1
from contracts.gateway import TenantCreatedV1
from contracts.publisher import (
    ConversationAssignedV1,
    ConversationClosedV1,
    ConversationOpenedV1,
    ConversationRepliedV1,
    DeliveryPublishedV1,
)


def product_published(**fields: Any) -> ProductPublishedV1:
    """`catalog.product.published.v1` for aged black garlic from a Takeo farm."""
    values: dict[str, Any] = {
        "product_id": uuid.uuid4(),
        "producer_id": uuid.uuid4(),
        "slug": "black-garlic",
        "name": {"ja": "熟成黒にんにく", "en": "Aged black garlic"},
        "producer_name": {"ja": "武雄農園"},
    }
    return ProductPublishedV1(**{**values, **fields})


def tenant_created(**fields: Any) -> TenantCreatedV1:
    """`gateway.tenant.created.v1` for Takeo."""
    values: dict[str, Any] = {"slug": "takeo", "name": {"en": "Takeo"}, "timezone": "Asia/Tokyo"}
    return TenantCreatedV1(**{**values, **fields})


def delivery_published(**fields: Any) -> DeliveryPublishedV1:
    """`publisher.delivery.published.v1` for one post on one channel, published now."""
    values: dict[str, Any] = {
        "delivery_id": uuid.uuid4(),
        "post_id": uuid.uuid4(),
        "channel_id": uuid.uuid4(),
        "platform": "x",
        "platform_post_id": "1",
        "published_at": datetime.now(UTC),
    }
    return DeliveryPublishedV1(**{**values, **fields})


InboxMilestone = (
    ConversationOpenedV1 | ConversationAssignedV1 | ConversationRepliedV1 | ConversationClosedV1
)
TAKEO = ZoneInfo("Asia/Tokyo")


def takeo_time(text: str) -> datetime:
    """A Takeo time on the scripted inbox day: `HH:MM` on 2026-10-01, or `MM-DD HH:MM`."""
    if len(text) == 5:
        text = f"10-01 {text}"
    return datetime.strptime(f"2026-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=TAKEO)


def inbox_day(
    fb: uuid.UUID,
    line: uuid.UUID,
    aiko: str,
    ben: str,
    group: uuid.UUID | None = None,
    line_platform: str = "line",
) -> list[InboxMilestone]:
    """A scripted day of the citizen inbox, 2026-10-01 in Takeo (Asia/Tokyo, UTC+9), as the
    publisher's conversation events, in the order they happened. Times are Takeo's:

    | conv | channel | assignee       | opened      | first reply | closed      |
    |------|---------|----------------|-------------|-------------|-------------|
    | c0   | fb      | aiko           | 09-30 23:50 | 09-30 23:55 | 10-01 00:10 |
    | c1   | fb      | aiko           | 08:30 (*)   | 08:40       | 09:30       |
    | c2   | fb      | ben            | 09:30       | 10:00       | 12:30       |
    | c3   | line    | aiko           | 11:00       | 11:02       | 11:20       |
    | c4   | line    | aiko, then ben | 13:00       | 14:00       | -           |
    | c5   | fb      | -              | 15:00       | -           | -           |
    | c6   | line    | ben            | 16:45       | 16:50       | 18:45       |
    | c7   | fb      | aiko           | 23:30       | 23:40       | 10-02 00:30 |

    (*) 08:30 in Takeo is 23:30 UTC on 09-30: the town's day, not UTC's, decides. c1 and c4
    have a second reply, which changes no first response time. Every assignment to ben names
    `group` (his team), aiko's none. `line_platform`: the second channel's platform, when a
    test's town has another kind of channel there.
    """
    events: list[InboxMilestone] = []
    platforms = {fb: "facebook_page", line: line_platform}

    def conversation(
        channel: uuid.UUID,
        opened: str,
        assigned: list[tuple[str, str]],
        replies: list[tuple[str, str]],
        closed: str | None,
    ) -> None:
        common: dict[str, Any] = {
            "conversation_id": uuid.uuid4(),
            "channel_id": channel,
            "platform": platforms[channel],
            "kind": "message" if channel == line else "comment",
        }
        events.append(ConversationOpenedV1(**common, at=takeo_time(opened)))
        for who, when in assigned:
            team = {"group_id": group} if who == ben and group is not None else {}
            events.append(
                ConversationAssignedV1(
                    **common, at=takeo_time(when), assignee=who, by="rule:day", **team
                )
            )
        for who, when in replies:
            events.append(
                ConversationRepliedV1(
                    **common, at=takeo_time(when), message_id=uuid.uuid4(), via="comment", by=who
                )
            )
        if closed is not None:
            events.append(ConversationClosedV1(**common, at=takeo_time(closed), by="staff"))

    conversation(fb, "09-30 23:50", [(aiko, "09-30 23:50")], [(aiko, "09-30 23:55")], "00:10")
    conversation(fb, "08:30", [(aiko, "08:30")], [(aiko, "08:40"), (aiko, "09:00")], "09:30")
    conversation(fb, "09:30", [(ben, "09:30")], [(ben, "10:00")], "12:30")
    conversation(line, "11:00", [(aiko, "11:00")], [(aiko, "11:02")], "11:20")
    conversation(
        line, "13:00", [(aiko, "13:00"), (ben, "13:05")], [(ben, "14:00"), (ben, "15:00")], None
    )
    conversation(fb, "15:00", [], [], None)
    conversation(line, "16:45", [(ben, "16:45")], [(ben, "16:50")], "18:45")
    conversation(fb, "23:30", [(aiko, "23:30")], [(aiko, "23:40")], "10-02 00:30")
    return events
