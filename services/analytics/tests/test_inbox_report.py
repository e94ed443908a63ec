"""The inbox's response-time report against a scripted day of conversations
(`contracts.samples.inbox_day`, whose table gives every time), each number computed by hand
below (percentiles: nearest rank, the value at rank ceil(p x n) of the n sorted times). The
events are delivered shuffled, the replies twice each.
"""

import csv
import io
import random
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from analytics.handlers import (
    on_conversation_assigned,
    on_conversation_closed,
    on_conversation_opened,
    on_conversation_reopened,
    on_conversation_replied,
    on_tenant_created,
)
from contracts import samples
from contracts.publisher import (
    ConversationClosedV1,
    ConversationOpenedV1,
    ConversationReopenedV1,
)
from contracts.samples import takeo_time as at
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
AIKO, BEN = "u-aiko", "u-ben"
FB, LINE, TEAM = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
DAY = "start=2026-10-01&end=2026-10-02"
TWO_DAYS = "start=2026-10-01&end=2026-10-03"
HANDLERS = {
    h.event_type: h
    for h in (
        on_conversation_opened,
        on_conversation_assigned,
        on_conversation_replied,
        on_conversation_closed,
        on_conversation_reopened,
    )
}


async def play_day(runtime: ServiceRuntime, tenant: uuid.UUID) -> None:
    created = samples.tenant_created()  # Asia/Tokyo
    assert await consumer.handle(on_tenant_created, runtime.db, delivery(created, tenant))
    events = samples.inbox_day(FB, LINE, AIKO, BEN, TEAM)
    random.Random(16).shuffle(events)
    for payload in events:
        subscription = HANDLERS[payload.event_type]
        envelope = delivery(payload, tenant)
        assert await consumer.handle(subscription, runtime.db, envelope)
        if subscription is on_conversation_replied:  # a redelivery: no second effect
            assert not await consumer.handle(subscription, runtime.db, envelope)


def times(p50: float, p90: float, p99: float, mean: float) -> dict[str, float]:
    return {"p50": p50, "p90": p90, "p99": p99, "mean": mean}


NONE = {"p50": None, "p90": None, "p99": None, "mean": None}


def row(key: str | None, n: int, answered: int, resolved: int, first: Any, resolution: Any) -> Any:
    return {
        "key": key,
        "conversations": n,
        "answered": answered,
        "resolved": resolved,
        "first_response": first,
        "resolution": resolution,
    }


# c1..c7 opened on 10-01. First responses (s): c1 600, c2 1800, c3 120, c4 3600, c6 300,
# c7 600 -> sorted 120 300 600 600 1800 3600; n=6: p50 rank 3, p90 rank ceil(5.4)=6,
# p99 rank 6; mean 7020/6. Resolutions: c1 3600, c2 10800, c3 1200, c6 7200, c7 3600 ->
# 1200 3600 3600 7200 10800; n=5: p50 rank 3, p90 rank ceil(4.5)=5; mean 26400/5.
TOTALS = row(None, 7, 6, 5, times(600, 3600, 3600, 1170.0), times(3600, 10800, 10800, 5280.0))
STAFF = [
    # aiko: c1 c3 c7. First 120 600 600 (p50 rank 2, p90 rank ceil(2.7)=3), mean 1320/3.
    # Resolution 1200 3600 3600, mean 8400/3.
    row(AIKO, 3, 3, 3, times(600, 600, 600, 440.0), times(3600, 3600, 3600, 2800.0)),
    # ben: c2 c4 (reassigned to him) c6. First 300 1800 3600, mean 5700/3. Resolution
    # 7200 10800 (c4 open): p50 rank 1, p90 rank ceil(1.8)=2, mean 9000.
    row(BEN, 3, 3, 2, times(1800, 3600, 3600, 1900.0), times(7200, 10800, 10800, 9000.0)),
    row(None, 1, 0, 0, NONE, NONE),  # c5, nobody's
]
GROUPS = [
    # In no group: aiko's c1 c3 c7 and nobody's c5. First 120 600 600, mean 440; resolution
    # 1200 3600 3600, mean 2800.
    row(None, 4, 3, 3, times(600, 600, 600, 440.0), times(3600, 3600, 3600, 2800.0)),
    # ben's team: every assignment to him names it, c4's hand-over too: ben's numbers.
    {**STAFF[1], "key": str(TEAM)},
]
CHANNELS = [
    # fb: c1 c2 c5 c7. First 600 600 1800, mean 1000. Resolution 3600 3600 10800, mean 6000.
    {
        **row(str(FB), 4, 3, 3, times(600, 1800, 1800, 1000.0), times(3600, 10800, 10800, 6000.0)),
        "platform": "facebook_page",
    },
    # line: c3 c4 c6. First 120 300 3600, mean 1340. Resolution 1200 7200, mean 4200.
    {
        **row(str(LINE), 3, 3, 2, times(300, 3600, 3600, 1340.0), times(1200, 7200, 7200, 4200.0)),
        "platform": "line",
    },
]


def buckets(**counts: tuple[int, int]) -> list[tuple[str, int, int]]:
    labels = ["under 1 h", "1-4 h", "4-24 h", "1-3 days", "3-7 days", "7 days and more"]
    return [
        (label, *counts.get(label.replace(" ", "_").replace("-", "_"), (0, 0))) for label in labels
    ]


def without_platform(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "platform"} for r in rows]


async def test_the_report_of_a_scripted_day_is_the_hand_computed_one(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    await play_day(runtime, tenant)
    http = as_user(principal(tenant, ("analyst",)))

    answer = await http.get(f"/v1/reports/inbox?{DAY}")

    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["timezone"] == "Asia/Tokyo"
    assert {k: v for k, v in report["totals"].items() if k != "platform"} == TOTALS
    assert without_platform(report["staff"]) == STAFF
    assert report["channels"] == CHANNELS
    assert without_platform(report["groups"]) == GROUPS
    # Opened on 10-01: c1..c7 (c1 at 23:30 UTC the day before). Closed on 10-01: c0 c1 c2 c3 c6.
    assert report["days"] == [{"day": "2026-10-01", "opened": 7, "closed": 5}]
    # At the day's end (10-02 00:00): c7 is 30 min old and answered; c4 (11 h, answered) and
    # c5 (9 h, never answered) are 4-24 h old.
    assert report["as_of"] == "2026-10-01T15:00:00Z"
    ages = [(b["label"], b["still_open"], b["unanswered"]) for b in report["open_by_age"]]
    assert ages == buckets(under_1_h=(1, 0), **{"4_24_h": (2, 1)})


async def test_days_and_ages_follow_the_period(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    await play_day(runtime, tenant)
    http = as_user(principal(tenant, ("editor",)))

    days = (await http.get(f"/v1/reports/inbox-days?{TWO_DAYS}")).json()
    ages = (await http.get(f"/v1/reports/inbox-ages?{TWO_DAYS}")).json()
    chart = await http.get(f"/v1/reports/inbox-days.svg?{TWO_DAYS}")

    assert days["items"] == [
        {"day": "2026-10-01", "opened": 7, "closed": 5},
        {"day": "2026-10-02", "opened": 0, "closed": 1},  # c7 closed at 00:30
    ]
    # At 10-03 00:00, c4 (35 h) and c5 (33 h) are still open; c5 was never answered.
    assert ages["as_of"] == "2026-10-02T15:00:00Z"
    assert [(b["label"], b["still_open"], b["unanswered"]) for b in ages["items"]] == buckets(
        **{"1_3_days": (2, 1)}
    )
    assert chart.status_code == 200
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert "2026-10-01: 7 opened, 5 closed" in chart.text


def seconds(value: float | None) -> str:
    return "" if value is None else str(float(value))


def csv_line(dimension: str, r: dict[str, Any]) -> dict[str, str]:
    line = {
        "dimension": dimension,
        "key": r["key"] or "",
        "platform": r.get("platform") or "",
        "conversations": str(r["conversations"]),
        "answered": str(r["answered"]),
        "resolved": str(r["resolved"]),
    }
    for name in ("first_response", "resolution"):
        for stat in ("p50", "p90", "p99", "mean"):
            line[f"{name}_{stat}_seconds"] = seconds(r[name][stat])
    return line


async def test_the_csv_holds_the_same_numbers(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant = uuid.uuid4()
    await play_day(runtime, tenant)
    http = as_user(principal(tenant))

    answer = await http.get(f"/v1/reports/inbox.csv?{DAY}")
    days = await http.get(f"/v1/reports/inbox-days?{DAY}&format=csv")
    ages = await http.get(f"/v1/reports/inbox-ages.csv?{DAY}")

    assert answer.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(answer.text)))
    assert lines == [
        csv_line("all", TOTALS),
        *(csv_line("staff", r) for r in STAFF),
        *(csv_line("group", r) for r in GROUPS),
        *(csv_line("channel", r) for r in CHANNELS),
    ]
    assert list(csv.DictReader(io.StringIO(days.text))) == [
        {"day": "2026-10-01", "opened": "7", "closed": "5"}
    ]
    age_lines = list(csv.DictReader(io.StringIO(ages.text)))
    assert [(a["label"], int(a["still_open"]), int(a["unanswered"])) for a in age_lines] == buckets(
        under_1_h=(1, 0), **{"4_24_h": (2, 1)}
    )


async def test_another_town_sees_none_of_it(as_user: Client, runtime: ServiceRuntime) -> None:
    tenant, other = uuid.uuid4(), uuid.uuid4()
    await play_day(runtime, tenant)
    created = samples.tenant_created()
    assert await consumer.handle(on_tenant_created, runtime.db, delivery(created, other))
    http = as_user(principal(other))

    report = (await http.get(f"/v1/reports/inbox?{DAY}")).json()
    text = (await http.get(f"/v1/reports/inbox.csv?{DAY}")).text

    assert report["totals"]["conversations"] == 0
    assert (report["staff"], report["channels"]) == ([], [])
    assert report["days"] == [{"day": "2026-10-01", "opened": 0, "closed": 0}]
    assert all(b["still_open"] == 0 for b in report["open_by_age"])
    assert AIKO not in text
    assert str(FB) not in text
    assert str(TEAM) not in text
    assert report["groups"] == []


async def test_a_producer_may_not_read_it(as_user: Client) -> None:
    answer = await as_user(principal(uuid.uuid4(), ("producer",))).get(f"/v1/reports/inbox?{DAY}")
    assert answer.status_code == 403
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_bad_period_is_a_problem(as_user: Client) -> None:
    answer = await as_user(principal(uuid.uuid4())).get(
        "/v1/reports/inbox?start=2026-10-02&end=2026-10-01"
    )
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_the_script_is_what_the_table_says() -> None:
    """The hand computation rests on the table; the script must say the same."""
    events = samples.inbox_day(FB, LINE, AIKO, BEN)
    opened = sorted(e.at for e in events if isinstance(e, ConversationOpenedV1))
    assert opened[:2] == [at("09-30 23:50"), at("08:30")]
    assert at("08:30").astimezone(ZoneInfo("UTC")).date().isoformat() == "2026-09-30"
    assert at("10-02 00:30") - at("23:30") == timedelta(hours=1)


async def test_a_reopened_conversation_is_open_until_closed_again(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    """r1 is closed at 10:00 and reopened at 11:00 (the citizen wrote again); r2 likewise, then
    closed again at 13:00. Delivered newest first."""
    tenant = uuid.uuid4()
    created = samples.tenant_created()
    assert await consumer.handle(on_tenant_created, runtime.db, delivery(created, tenant))
    events: list[Any] = []
    for closes in (["10:00"], ["10:00", "13:00"]):
        common = {
            "conversation_id": uuid.uuid4(),
            "channel_id": FB,
            "platform": "facebook_page",
            "kind": "comment",
        }
        events.append(ConversationOpenedV1(**common, at=at("09:00")))
        events += [ConversationClosedV1(**common, at=at(t), by="staff") for t in closes]
        events.append(ConversationReopenedV1(**common, at=at("11:00")))
    for payload in reversed(events):
        handler = HANDLERS[payload.event_type]
        assert await consumer.handle(handler, runtime.db, delivery(payload, tenant))

    report = (await as_user(principal(tenant)).get(f"/v1/reports/inbox?{DAY}")).json()

    totals = report["totals"]
    assert (totals["conversations"], totals["resolved"]) == (2, 1)
    assert totals["resolution"] == times(14400, 14400, 14400, 14400.0)  # r2: 09:00 to 13:00
    # r1 at the day's end: 15 h old, open again, never answered.
    ages = [(b["label"], b["still_open"], b["unanswered"]) for b in report["open_by_age"]]
    assert ages == buckets(**{"4_24_h": (1, 1)})
