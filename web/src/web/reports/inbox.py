"""The inbox report page's figures: how fast the town answers citizens (first response and
resolution times per staff member, group and channel), the conversations still open by age and
the conversations of each day, read from `GET /v1/reports/inbox` and shown as tables and bars."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from machi_client import AuthenticatedClient
from machi_client.api.reports import reports_inbox
from machi_client.api.settings import inbox_groups_list
from machi_client.models import InboxReport, InboxRow, InboxTimes
from web import i18n
from web.admin import service as admin
from web.channels.service import PLATFORMS
from web.console import service as console
from web.gateway import ApiError, parsed
from web.i18n import N_

# The CSV downloads of the page: the console's `/console/reports/<kind>.csv` fetches the API's.
KINDS = {
    "inbox": N_("Response times"),
    "inbox-days": N_("Conversations per day"),
    "inbox-ages": N_("Open conversations by age"),
}
# The API's age buckets, by their first second.
AGES = {
    0: N_("Under 1 hour"),
    3_600: N_("1 to 4 hours"),
    14_400: N_("4 to 24 hours"),
    86_400: N_("1 to 3 days"),
    259_200: N_("3 to 7 days"),
    604_800: N_("7 days or more"),
}


@dataclass(frozen=True)
class Shown:
    """Times as people read them: median, 90th and 99th percentile, mean."""

    p50: str
    p90: str
    p99: str
    mean: str


@dataclass(frozen=True)
class Line:
    """One staff member, group or channel: its conversations and how fast they were answered."""

    name: str
    conversations: int
    answered: int
    resolved: int
    first: Shown
    resolution: Shown
    first_p50: float | None  # seconds, for the bar
    generic: bool = False  # the name is one of the page's words (Unassigned), to translate


@dataclass(frozen=True)
class Table:
    """Lines of one dimension, with bars of their median first response."""

    kind: str
    title: str
    lines: list[Line]

    def width(self, line: Line) -> int:
        """The line's median first response as a share of the slowest (0 to 100)."""
        top = max((x.first_p50 or 0 for x in self.lines), default=0)
        return round(100 * (line.first_p50 or 0) / top) if top else 0

    @property
    def drawn(self) -> bool:
        return any(x.first_p50 for x in self.lines)


@dataclass(frozen=True)
class Bucket:
    label: str
    open: int
    unanswered: int


@dataclass(frozen=True)
class Day:
    day: date
    shown: str
    opened: int
    closed: int


@dataclass(frozen=True)
class Figures:
    """The whole page: totals, the three tables, the open conversations by age, the days."""

    totals: Line
    tables: list[Table]
    ages: list[Bucket]
    as_of: str
    days: list[Day]

    @property
    def busiest(self) -> int:
        return max((max(d.opened, d.closed) for d in self.days), default=0)

    @property
    def most_open(self) -> int:
        return max((b.open for b in self.ages), default=0)


def _shown(times: InboxTimes, language: str) -> Shown:
    def value(seconds: object) -> str:
        return i18n.duration(seconds if isinstance(seconds, float | int) else None, language)

    return Shown(value(times.p50), value(times.p90), value(times.p99), value(times.mean))


def _line(name: str | None, row: InboxRow, language: str, generic: str = "") -> Line:
    """`row` named `name`, or `generic` (a word of the page) when it has none."""
    p50 = row.first_response.p50
    return Line(
        generic=name is None,
        name=generic if name is None else name,
        conversations=row.conversations,
        answered=row.answered,
        resolved=row.resolved,
        first=_shown(row.first_response, language),
        resolution=_shown(row.resolution, language),
        first_p50=p50 if isinstance(p50, float | int) else None,
    )


async def _staff_names(api: AuthenticatedClient) -> dict[str, str]:
    """Staff members' names (or emails) by user id, for those who may list users (admins);
    others see a short id."""
    try:
        return {
            str(u.id): u.name if isinstance(u.name, str) and u.name else u.email
            for u in await admin.users(api)
        }
    except ApiError as exc:
        if exc.status == 403:
            return {}
        raise


async def _group_names(api: AuthenticatedClient) -> dict[str, str]:
    """The inbox's groups' names by id, for those who read them (whoever answers citizens);
    others see a short id."""
    answer = await inbox_groups_list.asyncio_detailed(client=api)
    if int(answer.status_code) == 403:
        return {}
    if int(answer.status_code) >= 300 or not isinstance(answer.parsed, list):
        raise ApiError.of(answer)
    return {str(g.id): g.name for g in answer.parsed}


async def figures(
    api: AuthenticatedClient, first: date, last: date, timezone: str, language: str
) -> Figures | None:
    """The period's inbox figures (first and last day inclusive); None for a role that may not
    read reports."""
    end = last + timedelta(days=1)  # the API's last day is exclusive
    try:
        report = parsed(
            await reports_inbox.asyncio_detailed(client=api, start=first, end=end), InboxReport
        )
    except ApiError as exc:
        if exc.status == 403:
            return None
        raise
    staff = await _staff_names(api)
    groups = await _group_names(api)
    channels = {str(c.id): c.name for c in (await console.all_channels(api)).values()}

    def key(row: InboxRow) -> str | None:
        return row.key if isinstance(row.key, str) else None

    def staff_name(row: InboxRow) -> str | None:
        found = key(row)
        return None if found is None else staff.get(found, found[:8])

    def group_name(row: InboxRow) -> str | None:
        found = key(row)
        return None if found is None else groups.get(found, found[:8])

    def channel_name(row: InboxRow) -> str:
        found = key(row) or ""
        platform = row.platform if isinstance(row.platform, str) else ""
        return channels.get(found) or f"{PLATFORMS.get(platform, platform)} {found[:8]}".strip()

    tables = [
        Table(
            "staff",
            N_("By staff member"),
            [_line(staff_name(r), r, language, N_("Unassigned")) for r in report.staff],
        ),
        Table(
            "groups",
            N_("By group"),
            [_line(group_name(r), r, language, N_("No group")) for r in report.groups],
        ),
        Table(
            "channels",
            N_("By channel"),
            [_line(channel_name(r), r, language) for r in report.channels],
        ),
    ]
    return Figures(
        totals=_line(None, report.totals, language, N_("All conversations")),
        tables=tables,
        ages=[
            Bucket(AGES.get(b.from_seconds, b.label), b.still_open, b.unanswered)
            for b in report.open_by_age
        ],
        as_of=i18n.when(report.as_of, timezone, language),
        days=[Day(d.day, i18n.day(d.day, language), d.opened, d.closed) for d in report.days],
    )
