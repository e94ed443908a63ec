"""Local wall-clock times to UTC instants: cadences and weekly slots, DST-correct (zoneinfo)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SATURDAY = 5


def parse_hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`day` at `at` on the tenant's wall clock, as UTC (a time in a DST gap moves forward)."""
    local = datetime.combine(day, at, tzinfo=zone)
    # Round-trip through UTC normalises a non-existent local time (spring-forward gap).
    return local.astimezone(UTC)


def cadence_instants(
    start: date, at: time, zone: ZoneInfo, *, every_days: int, skip_weekends: bool
) -> Iterator[datetime]:
    """The cadence's publishing instants from `start`, `every_days` apart, weekends skipped if
    asked, without end."""
    day = start
    while True:
        if skip_weekends and day.weekday() >= SATURDAY:
            day += timedelta(days=1)
            continue
        yield local_instant(day, at, zone)
        day += timedelta(days=every_days)


def slot_instants(
    slots: Iterable[tuple[int, str]], zone: ZoneInfo, after: datetime, weeks: int = 8
) -> Iterator[datetime]:
    """Every weekly slot (weekday, HH:MM local) after `after`, in time order, for `weeks`."""
    by_weekday: dict[int, list[time]] = {}
    for weekday, hhmm in slots:
        by_weekday.setdefault(weekday, []).append(parse_hhmm(hhmm))
    first = after.astimezone(zone).date()
    for offset in range(weeks * 7 + 1):
        day = first + timedelta(days=offset)
        for at in sorted(by_weekday.get(day.weekday(), [])):
            instant = local_instant(day, at, zone)
            if instant > after:
                yield instant


def next_free(
    slots: Iterable[tuple[int, str]], zone: ZoneInfo, after: datetime, taken: set[datetime]
) -> datetime | None:
    """The first slot after `after` that no delivery of the channel holds."""
    for instant in slot_instants(slots, zone, after):
        if instant not in taken:
            return instant
    return None
