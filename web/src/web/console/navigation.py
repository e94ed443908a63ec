"""The console's menu as data: a few groups of links, each link shown to the roles that use
it. A new page adds one `Link` row to its group; the template draws whatever is here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from machi_client import AuthenticatedClient
from web.gateway import ApiError
from web.i18n import N_
from web.inbox import service as inbox

ADMIN = frozenset({"admin"})
# kit.policy.WRITERS: who keeps the whole town's catalog (places, categories, CSV imports)
CATALOG_TEAM = frozenset({"admin", "editor", "writer", "photographer"})
EVERYONE = "everyone"  # in a town: any role (the operator has no town)
TOWN = "town"
OPERATOR = "operator"
# The counter of open conversations for the signed-in user or for nobody, and (for editors)
# public replies waiting for their approval.
INBOX = "inbox"


@dataclass(frozen=True)
class Link:
    """A page in the menu. `roles`: who sees it (None: every member of the group's audience);
    `prefix`: the paths it stands for (default its own; "" for this path alone); `counter`:
    the key of a number shown beside it (`counters()`)."""

    href: str
    label: str
    roles: frozenset[str] | None = None
    prefix: str | None = None
    counter: str | None = None

    def covers(self, path: str) -> bool:
        if self.prefix == "":
            return path == self.href
        return path.startswith(self.prefix or self.href)


@dataclass(frozen=True)
class Group:
    """A heading of the menu and its links, for the town's members or the platform operator."""

    key: str
    label: str
    audience: str
    links: tuple[Link, ...]


GROUPS = (
    Group(
        "today",
        N_("Today"),
        TOWN,
        (
            Link("/console/", N_("Dashboard"), prefix=""),
            Link("/console/approvals", N_("Approvals")),
            Link("/console/inbox", N_("Inbox"), inbox.ANSWERERS, counter=INBOX),
        ),
    ),
    Group(
        "publishing",
        N_("Publishing"),
        TOWN,
        (
            Link("/console/posts/new", N_("New post"), prefix="/console/posts"),
            Link("/console/calendar", N_("Calendar")),
            Link("/console/campaigns", N_("Campaigns")),
            Link("/console/channels", N_("Channels")),
            Link("/console/channels/mine", N_("My channels")),  # their own accounts
        ),
    ),
    Group(
        "catalog",
        N_("Catalog"),
        TOWN,
        (
            Link("/console/products", N_("Products")),
            Link("/console/producers", N_("Producers")),  # a producer user: their own
            Link("/console/places", N_("Places"), CATALOG_TEAM),
            Link("/console/categories", N_("Categories"), CATALOG_TEAM),
            Link("/console/imports", N_("CSV import"), CATALOG_TEAM),
            Link("/console/media", N_("Media library"), CATALOG_TEAM),
        ),
    ),
    Group(
        "reports",
        N_("Reports"),
        TOWN,
        (Link("/console/reports", N_("Reports")), Link("/console/links", N_("Links"))),
    ),
    Group(
        "admin",
        N_("Admin"),
        TOWN,
        (
            Link("/console/users", N_("Users"), ADMIN),
            Link("/console/api-keys", N_("API keys"), ADMIN),
            Link("/console/stores", N_("Store connections"), ADMIN),
            Link("/console/settings", N_("Settings"), ADMIN),
            Link("/console/webhook-endpoints", N_("Outgoing webhooks"), ADMIN),
            Link("/console/audit", N_("Audit log"), ADMIN),
        ),
    ),
    Group(
        "operator",
        N_("Operator"),
        OPERATOR,
        (
            Link("/console/", N_("Dashboard"), prefix=""),
            Link("/console/operator/towns", N_("Towns")),
            Link("/console/operator/plans", N_("Plans")),
            Link("/console/operator/usage", N_("Usage")),
            Link("/console/audit", N_("Audit log")),
        ),
    ),
    Group("you", N_("You"), EVERYONE, (Link("/console/account", N_("Account")),)),
)


@dataclass(frozen=True)
class Menu:
    """The groups one user sees, and the link of the page they are on (if it is in them)."""

    groups: tuple[Group, ...]
    current: Link | None


def _roles(me: Any) -> tuple[bool, frozenset[str]]:
    """Whether `me` is the platform operator, and their roles (no `me`: a town member)."""
    roles = frozenset(str(role) for role in (getattr(me, "roles", None) or ()))
    return OPERATOR in roles, roles


def _shown(group: Group, operator: bool, roles: frozenset[str]) -> tuple[Link, ...]:
    if group.audience == OPERATOR and not operator:
        return ()
    if group.audience == TOWN and operator:
        return ()
    return tuple(link for link in group.links if link.roles is None or link.roles & roles)


def menu(me: Any, path: str, groups: Iterable[Group] = GROUPS) -> Menu:
    """The menu of the signed-in user `me` (a `MeRead`) on the page at `path`."""
    operator, roles = _roles(me)
    shown = []
    for group in groups:
        links = _shown(group, operator, roles)
        if links:
            shown.append(Group(group.key, group.label, group.audience, links))
    here = [link for group in shown for link in group.links if link.covers(path)]
    # the longest match names the page (`/console/posts/new` over `/console/`)
    current = max(here, key=lambda link: len(link.prefix or link.href), default=None)
    return Menu(tuple(shown), current)


async def counters(api: AuthenticatedClient, me: Any) -> dict[str, int]:
    """The numbers the menu shows beside its links, by `Link.counter`: one API call in all
    (the inbox's counts), none for a role without such a link. A counter the API cannot give
    now is left out rather than failing the page around it."""
    try:
        counts = await inbox.counts(api, me)
    except ApiError:
        return {}
    if counts is None:
        return {}
    held = counts.awaiting_approval if isinstance(counts.awaiting_approval, int) else 0
    return {INBOX: counts.open_mine + counts.open_unassigned + held}


def shown_count(value: int | None) -> str:
    """A counter as the menu writes it: nothing for 0, `99+` past 99."""
    if not value:
        return ""
    return "99+" if value > 99 else str(value)
