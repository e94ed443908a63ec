"""Who may call what: the platform's one authorization table.

Every operation, keyed by (HTTP method, path template) as the OpenAPI document names it, has one
row: the roles that may call it, the scope an API key needs for it, and whether it is open
without a login. The gateway checks a row before answering or forwarding, and each service checks
it again before its handler runs (`kit.dependencies.authorize`); an operation without a row is
refused (403), and a service refuses to start while one of its routes has none.

Business rules about the object stay in the services: a producer user touches only their own
producers' things, nobody approves their own post, another town's object is a 404.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from kit.auth import InternalPrincipal
from kit.errors import Forbidden, NotFound, ProblemError

# --- roles -------------------------------------------------------------------------------------

OPERATOR = "operator"  # the platform's licensor: tenants, plans, usage; no town's data
ADMIN = "admin"  # a town's SNS office: users, keys, channels, stores, settings
EDITOR = "editor"  # approves and rejects posts and campaigns
WRITER = "writer"  # drafts posts, builds campaigns, keeps the catalog
PHOTOGRAPHER = "photographer"  # uploads media; drafts like a writer
STAFF = "staff"  # a town employee posting on their own accounts
PRODUCER = "producer"  # a farmer or merchant: their own producers' products and reports
ANALYST = "analyst"  # reads reports, conversions and tracking settings

ROLES = frozenset({OPERATOR, ADMIN, EDITOR, WRITER, PHOTOGRAPHER, STAFF, PRODUCER, ANALYST})
TOWN = ROLES - {OPERATOR}  # everyone who belongs to a town
EDITORS = frozenset({ADMIN, EDITOR})
WRITERS = frozenset({ADMIN, EDITOR, WRITER, PHOTOGRAPHER})  # the town's content team
AUTHORS = WRITERS | {STAFF}  # whoever posts: the team, and staff on their own accounts
# Whoever answers citizens in the inbox; an admin sees every conversation, the others theirs and
# the unassigned ones (the publisher scopes them). No producer, photographer or analyst reads
# citizens' messages.
ANSWERERS = frozenset({ADMIN, EDITOR, WRITER, STAFF})
# Whoever may hide, show again or delete a citizen's comment on the platform: those who decide
# what the town says in public (the editors), not everyone who answers.
MODERATORS = EDITORS
KEEPERS = WRITERS | {PRODUCER}  # whoever keeps products: the team, and producers their own
ANALYSTS = frozenset({ADMIN, ANALYST})
ADMINS = frozenset({ADMIN})
OPERATORS = frozenset({OPERATOR})
NOBODY: frozenset[str] = frozenset()


def grantable(roles: Iterable[str]) -> frozenset[str]:
    """The roles a holder of `roles` may give a new user, invitation or key: the operator any,
    a town's admin any town role, everyone else none."""
    held = set(roles)
    if OPERATOR in held:
        return ROLES
    if ADMIN in held:
        return TOWN
    return NOBODY


# --- API-key scopes ----------------------------------------------------------------------------

ALL_SCOPES = "*"
# `<area>:read` covers GET and HEAD, `<area>:write` the rest; an area is the process serving the
# path: the gateway's own routes (me, tenants, plans, usage, users, invitations, API keys), or
# the service a path is routed to.
AREAS = ("gateway", "catalog", "publisher", "analytics")
SCOPES = frozenset({ALL_SCOPES, *(f"{area}:{a}" for area in AREAS for a in ("read", "write"))})


def covers(held: Iterable[str] | None, scope: str) -> bool:
    """Whether scopes `held` (None: a user, unrestricted) include `scope`."""
    if held is None:
        return True
    granted = set(held)
    return ALL_SCOPES in granted or scope in granted


def covers_all(held: Iterable[str] | None, wanted: Iterable[str]) -> bool:
    """Whether scopes `held` include every one of `wanted` (`*` only when `held` has it)."""
    return all(covers(held, scope) for scope in wanted)


class InsufficientScope(Forbidden):
    type = "insufficient-scope"
    title = "The API key's scopes do not cover this request"


# --- rows --------------------------------------------------------------------------------------

# Who may call an operation without a login.
NO_ONE = "no one"
PAGES = "pages"  # the gateway's public pages, anonymously for one town; a client needs a login
ANYONE = "anyone"  # any client, no login (redirects, store webhooks, login itself)


@dataclass(frozen=True)
class Rule:
    """One operation's row: users and keys holding one of `roles` (a key also needs `scope`;
    None: any key), plus anonymous callers as `anonymous` says; `gateway`: the gateway acting on
    its own (usage, playbooks, export) whatever roles its token carries."""

    roles: frozenset[str]
    scope: str | None
    anonymous: str = NO_ONE
    gateway: bool = False


def read(area: str, roles: frozenset[str], anonymous: str = NO_ONE) -> Rule:
    return Rule(roles, f"{area}:read", anonymous)


def write(area: str, roles: frozenset[str], anonymous: str = NO_ONE) -> Rule:
    return Rule(roles, f"{area}:write", anonymous)


def public() -> Rule:
    """No login: anyone, as anonymous (and logged-in callers too)."""
    return Rule(ROLES, None, ANYONE)


def internal(roles: frozenset[str] = NOBODY) -> Rule:
    """Not routed to clients: the gateway acting on its own, and (for service tests) `roles`."""
    return Rule(roles, None, gateway=True)


Operation = tuple[str, str]  # (METHOD, path template)
Table = Mapping[Operation, Rule]

G, C, P, A = AREAS

# --- the gateway's own routes ------------------------------------------------------------------

AUTH: Table = {
    ("GET", "/.well-known/jwks.json"): public(),
    ("POST", "/v1/auth/token"): public(),
    ("POST", "/v1/auth/refresh"): public(),
    ("POST", "/v1/auth/logout"): public(),  # the refresh token is the capability
    ("POST", "/v1/auth/password-reset"): public(),  # same answer whether the email exists
    ("POST", "/v1/auth/password-reset/confirm"): public(),  # the emailed token is the capability
    # Any credential may ask who it is, whatever its scopes; a user's own password, second
    # factor and sessions are theirs (a key gets 400 `not-a-user`).
    ("GET", "/v1/me"): Rule(ROLES, None),
    ("PATCH", "/v1/me"): Rule(ROLES, None),  # the user's own settings (language)
    ("POST", "/v1/auth/logout-all"): Rule(ROLES, None),
    ("POST", "/v1/me/password"): Rule(ROLES, None),
    ("POST", "/v1/me/mfa/totp"): Rule(ROLES, None),
    ("POST", "/v1/me/mfa/totp/confirm"): Rule(ROLES, None),
    ("POST", "/v1/me/mfa/totp/disable"): Rule(ROLES, None),
}
TENANTS: Table = {
    ("POST", "/v1/tenants"): write(G, OPERATORS),
    ("GET", "/v1/tenants"): read(G, OPERATORS),
    ("GET", "/v1/tenants/{tenant_id}"): read(G, ROLES),  # its own town's members
    ("PATCH", "/v1/tenants/{tenant_id}"): write(G, OPERATORS),
    ("POST", "/v1/tenants/{tenant_id}/suspend"): write(G, OPERATORS),
    ("POST", "/v1/tenants/{tenant_id}/reactivate"): write(G, OPERATORS),
    ("GET", "/v1/tenants/{tenant_id}/export"): read(G, OPERATORS),
    ("GET", "/v1/tenants/{tenant_id}/playbook"): read(G, OPERATORS),
    ("GET", "/v1/tenants/{tenant_id}/usage"): read(G, OPERATORS | ANALYSTS),
    # A town's own security settings; the service also refuses a key (it holds no second factor).
    ("GET", "/v1/settings/security"): read(G, ADMINS),
    ("PUT", "/v1/settings/security"): write(G, ADMINS),
    ("GET", "/v1/usage"): read(G, OPERATORS),
    ("GET", "/v1/plans"): read(G, ROLES),
    ("PUT", "/v1/plans/{name}"): write(G, OPERATORS),
}
# Users and keys: the service also keeps a key from granting more than it holds.
USERS: Table = {
    ("POST", "/v1/users"): write(G, OPERATORS | ADMINS),
    ("GET", "/v1/users"): read(G, OPERATORS | ADMINS),
    ("GET", "/v1/users/{user_id}"): read(G, OPERATORS | ADMINS),
    ("PATCH", "/v1/users/{user_id}"): write(G, OPERATORS | ADMINS),
    ("DELETE", "/v1/users/{user_id}"): write(G, OPERATORS | ADMINS),
    ("POST", "/v1/users/{user_id}/deactivate"): write(G, OPERATORS | ADMINS),
    ("POST", "/v1/users/{user_id}/reactivate"): write(G, OPERATORS | ADMINS),
    ("DELETE", "/v1/users/{user_id}/mfa/totp"): write(G, OPERATORS | ADMINS),
    ("POST", "/v1/invitations"): write(G, OPERATORS | ADMINS),
    ("POST", "/v1/invitations/{token}/accept"): public(),  # the token is the capability
    ("POST", "/v1/api-keys"): write(G, ADMINS),  # keys belong to a town; the operator has none
    ("GET", "/v1/api-keys"): read(G, ADMINS),
    ("DELETE", "/v1/api-keys/{key_id}"): write(G, ADMINS),
}
# The audit log: a town's admins read their town's records, the operator everyone's.
AUDIT: Table = {
    ("GET", "/v1/audit"): read(G, OPERATORS | ADMINS),
    ("GET", "/v1/audit.csv"): read(G, OPERATORS | ADMINS),
}

# Partners' endpoints for outgoing webhooks: a town's admins manage them, as they do API keys.
WEBHOOK_ENDPOINTS: Table = {
    ("POST", "/v1/webhook-endpoints"): write(G, ADMINS),
    ("GET", "/v1/webhook-endpoints"): read(G, ADMINS),
    ("GET", "/v1/webhook-endpoints/{endpoint_id}"): read(G, ADMINS),
    ("PATCH", "/v1/webhook-endpoints/{endpoint_id}"): write(G, ADMINS),
    ("DELETE", "/v1/webhook-endpoints/{endpoint_id}"): write(G, ADMINS),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/rotate-secret"): write(G, ADMINS),
    ("GET", "/v1/webhook-endpoints/{endpoint_id}/deliveries"): read(G, ADMINS),
    ("POST", "/v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/redeliver"): write(
        G, ADMINS
    ),
}
# Each person's own notices (a channel to reconnect, ...), whatever their role.
NOTIFICATIONS: Table = {
    ("GET", "/v1/notifications"): read(G, TOWN),
    ("POST", "/v1/notifications/read-all"): write(G, TOWN),
    ("POST", "/v1/notifications/{notification_id}/read"): write(G, TOWN),
}
# The best-times report turned into a channel's slots, composed by the gateway: it reads the
# report and the channel for the caller's town itself, and adds the slots as the caller (the
# publisher's row for POST /v1/slots applies too). A key needs the publisher's scopes: these
# read and change a publisher channel's slots.
SLOT_SUGGESTIONS: Table = {
    ("GET", "/v1/channels/{channel_id}/slot-suggestions"): read(P, TOWN - {PRODUCER}),
    ("POST", "/v1/channels/{channel_id}/slot-suggestions/accept"): write(P, WRITERS),
}
PUBLIC_PAGES: Table = {
    ("GET", "/public/{town}"): public(),
    ("HEAD", "/public/{town}"): public(),
    ("GET", "/public/{town}/store"): public(),
    ("HEAD", "/public/{town}/store"): public(),
    ("GET", "/public/{town}/products/{slug}"): public(),
    ("HEAD", "/public/{town}/products/{slug}"): public(),
    ("GET", "/{town}"): public(),
    ("HEAD", "/{town}"): public(),
    ("GET", "/openapi.json"): public(),
    ("GET", "/docs"): public(),
    ("GET", "/problems"): public(),
    ("GET", "/problems.json"): public(),
}

# --- catalog -----------------------------------------------------------------------------------

PRODUCERS: Table = {
    ("GET", "/v1/producers"): read(C, TOWN, PAGES),
    ("POST", "/v1/producers"): write(C, WRITERS),
    ("GET", "/v1/producers/{producer_id}"): read(C, TOWN),
    ("PATCH", "/v1/producers/{producer_id}"): write(C, KEEPERS),
}
PRODUCTS: Table = {
    ("GET", "/v1/products"): read(C, TOWN, PAGES),
    ("POST", "/v1/products"): write(C, KEEPERS),
    ("GET", "/v1/products/{product_id}"): read(C, TOWN, PAGES),
    ("PATCH", "/v1/products/{product_id}"): write(C, KEEPERS),
    ("POST", "/v1/products/publish"): write(C, KEEPERS),
    ("POST", "/v1/products/{product_id}/publish"): write(C, KEEPERS),
    ("POST", "/v1/products/{product_id}/archive"): write(C, KEEPERS),
    ("POST", "/v1/products/{product_id}/variants"): write(C, KEEPERS),
    ("GET", "/v1/products/{product_id}/variants/{variant_id}"): read(C, TOWN),
    ("PATCH", "/v1/products/{product_id}/variants/{variant_id}"): write(C, KEEPERS),
    ("GET", "/v1/categories"): read(C, TOWN, PAGES),
    ("POST", "/v1/categories"): write(C, WRITERS),
    ("GET", "/v1/categories/{category_id}"): read(C, TOWN),
    ("PATCH", "/v1/categories/{category_id}"): write(C, WRITERS),
}
PLACES: Table = {
    ("GET", "/v1/places"): read(C, TOWN, PAGES),
    ("POST", "/v1/places"): write(C, WRITERS),
    ("GET", "/v1/places/{place_id}"): read(C, TOWN, PAGES),
    ("PATCH", "/v1/places/{place_id}"): write(C, WRITERS),
    ("POST", "/v1/places/{place_id}/publish"): write(C, WRITERS),
    ("POST", "/v1/places/{place_id}/archive"): write(C, WRITERS),
}
MEDIA: Table = {
    ("POST", "/v1/media"): write(C, KEEPERS),
    ("GET", "/v1/media"): read(C, TOWN),
    ("GET", "/v1/media/{media_id}"): read(C, TOWN),
    # Alt text is the content team's: a producer's photo may show on other producers' pages.
    ("PATCH", "/v1/media/{media_id}"): write(C, WRITERS),
    # Renditions are fetched by social platforms by URL; their ids are random UUIDs.
    ("GET", "/v1/media/{media_id}/{rendition}"): public(),
}
STOREFRONTS: Table = {
    ("GET", "/v1/storefronts"): read(C, TOWN),
    ("POST", "/v1/storefronts"): write(C, ADMINS),
    ("GET", "/v1/storefronts/{storefront_id}"): read(C, TOWN),
    ("POST", "/v1/storefronts/{storefront_id}/sync"): write(C, WRITERS),
    ("GET", "/v1/listings"): read(C, TOWN, PAGES),
    ("POST", "/v1/listings"): write(C, WRITERS),
}
IMPORTS: Table = {
    ("POST", "/v1/imports"): write(C, WRITERS),
    ("GET", "/v1/imports/export"): read(C, TOWN),
    ("GET", "/v1/imports/{import_id}"): read(C, TOWN),
}

# --- publisher ---------------------------------------------------------------------------------

CHANNELS: Table = {
    ("GET", "/v1/channels"): read(P, TOWN),
    ("POST", "/v1/channels"): write(P, ADMINS),
    ("GET", "/v1/channels/{channel_id}"): read(P, TOWN),
    ("PATCH", "/v1/channels/{channel_id}"): write(P, ADMINS),
    ("GET", "/v1/channels/{channel_id}/feed"): read(P, TOWN),
    ("POST", "/v1/channels/credentials/rotate"): write(P, ADMINS),
    # Whoever posts connects accounts: the admin the town's and shops', everyone else only
    # their own (owner_kind staff; the publisher enforces it).
    ("POST", "/v1/channels/oauth/{platform}/start"): write(P, AUTHORS),
    ("GET", "/v1/channels/oauth/{platform}/callback"): read(P, AUTHORS),
    ("POST", "/v1/channels/oauth/{platform}/select"): write(P, AUTHORS),
    ("GET", "/v1/channel-plans"): read(P, TOWN),
}
POSTS: Table = {
    ("GET", "/v1/posts"): read(P, TOWN, PAGES),
    ("POST", "/v1/posts"): write(P, AUTHORS),
    ("POST", "/v1/posts/preview"): write(P, AUTHORS),
    ("GET", "/v1/posts/settings"): read(P, TOWN),
    ("PUT", "/v1/posts/settings"): write(P, ADMINS),
    ("GET", "/v1/posts/{post_id}"): read(P, TOWN, PAGES),
    ("PATCH", "/v1/posts/{post_id}"): write(P, AUTHORS),
    ("GET", "/v1/posts/{post_id}/transitions"): read(P, TOWN),
    ("POST", "/v1/posts/{post_id}/submit"): write(P, AUTHORS),
    ("POST", "/v1/posts/{post_id}/approve"): write(P, EDITORS),
    ("POST", "/v1/posts/{post_id}/reject"): write(P, EDITORS),
    # Staff schedule their own approved posts; producers and analysts touch no post.
    ("POST", "/v1/posts/{post_id}/schedule"): write(P, AUTHORS),
    ("POST", "/v1/posts/{post_id}/cancel"): write(P, AUTHORS),
    ("GET", "/v1/templates"): read(P, TOWN),
    ("POST", "/v1/templates"): write(P, WRITERS),
}
DELIVERIES: Table = {
    ("GET", "/v1/deliveries"): read(P, TOWN),
    ("GET", "/v1/deliveries/{delivery_id}"): read(P, TOWN),
    ("GET", "/v1/deliveries/{delivery_id}/attempts"): read(P, TOWN),
    # Only a delivery that never reached the platform's publish call (staff: on their own
    # channels); the publisher refuses the others.
    ("POST", "/v1/deliveries/{delivery_id}/retry"): write(P, AUTHORS),
}
CAMPAIGNS: Table = {
    ("GET", "/v1/campaigns"): read(P, TOWN),
    ("POST", "/v1/campaigns"): write(P, WRITERS),
    ("GET", "/v1/campaigns/{campaign_id}"): read(P, TOWN),
    ("GET", "/v1/campaigns/{campaign_id}/posts"): read(P, TOWN),
    ("POST", "/v1/campaigns/{campaign_id}/submit"): write(P, WRITERS),
    ("POST", "/v1/campaigns/{campaign_id}/approve"): write(P, EDITORS),
    # Editing takes back the posts not yet on their way and asks for approval again; pausing,
    # resuming and cancelling are the content team's, as building it is.
    ("PATCH", "/v1/campaigns/{campaign_id}"): write(P, WRITERS),
    ("POST", "/v1/campaigns/{campaign_id}/pause"): write(P, WRITERS),
    ("POST", "/v1/campaigns/{campaign_id}/resume"): write(P, WRITERS),
    ("POST", "/v1/campaigns/{campaign_id}/cancel"): write(P, WRITERS),
}
# The weekly slots are the town's schedule: its content team sets them (a writer accepts a
# best-time suggestion, journey 5), everyone in the town reads them.
SLOTS: Table = {
    ("GET", "/v1/slots"): read(P, TOWN),
    ("POST", "/v1/slots"): write(P, WRITERS),
    ("GET", "/v1/slots/next"): read(P, TOWN),
    ("DELETE", "/v1/slots/{slot_id}"): write(P, WRITERS),
}
# The citizen inbox. The platforms' webhooks are checked by their signature (Meta's GET is its
# subscription handshake, checked by the town's verify token), not by a login.
INBOX: Table = {
    ("GET", "/webhooks/{town}/meta"): public(),
    ("POST", "/webhooks/{town}/meta"): public(),
    ("POST", "/webhooks/{town}/line"): public(),
    # The deployment's Meta app: one callback for every town, each entry's town found by its
    # Page or Instagram account id; signed with the deployment's app secret.
    ("GET", "/webhooks/meta"): public(),
    ("POST", "/webhooks/meta"): public(),
    ("GET", "/webhooks/threads"): public(),
    ("POST", "/webhooks/threads"): public(),
    ("GET", "/v1/conversations"): read(P, ANSWERERS),
    ("GET", "/v1/conversations/counts"): read(P, ANSWERERS),
    # A citizen's erasure request (APPI) is the town's to grant: its admins.
    ("POST", "/v1/conversations/erase"): write(P, ADMINS),
    ("GET", "/v1/conversations/{conversation_id}"): read(P, ANSWERERS),
    ("PATCH", "/v1/conversations/{conversation_id}"): write(P, ANSWERERS),
    ("POST", "/v1/conversations/{conversation_id}/notes"): write(P, ANSWERERS),
    ("POST", "/v1/conversations/{conversation_id}/replies"): write(P, ANSWERERS),
    # A public reply held by the town's approval rule: its editors decide, as for posts.
    ("POST", "/v1/conversations/{conversation_id}/replies/{message_id}/approve"): write(P, EDITORS),
    ("POST", "/v1/conversations/{conversation_id}/replies/{message_id}/reject"): write(P, EDITORS),
    ("POST", "/v1/conversations/{conversation_id}/messages/{message_id}/hide"): write(
        P, MODERATORS
    ),
    ("POST", "/v1/conversations/{conversation_id}/messages/{message_id}/unhide"): write(
        P, MODERATORS
    ),
    ("DELETE", "/v1/conversations/{conversation_id}/messages/{message_id}"): write(P, MODERATORS),
    ("GET", "/v1/settings/inbox"): read(P, ADMINS),
    ("PUT", "/v1/settings/inbox"): write(P, ADMINS),
    ("GET", "/v1/settings/inbox/rules"): read(P, ADMINS),
    ("POST", "/v1/settings/inbox/rules"): write(P, ADMINS),
    ("DELETE", "/v1/settings/inbox/rules/{rule_id}"): write(P, ADMINS),
    # Groups of staff: the admins make them (like users); whoever answers reads them to hand a
    # conversation over.
    ("GET", "/v1/settings/inbox/groups"): read(P, ANSWERERS),
    ("POST", "/v1/settings/inbox/groups"): write(P, ADMINS),
    ("GET", "/v1/settings/inbox/groups/{group_id}"): read(P, ANSWERERS),
    ("PATCH", "/v1/settings/inbox/groups/{group_id}"): write(P, ADMINS),
    ("DELETE", "/v1/settings/inbox/groups/{group_id}"): write(P, ADMINS),
    # Saved replies: kept by the editors, like the words of posts; read by whoever answers.
    ("GET", "/v1/settings/inbox/templates"): read(P, ANSWERERS),
    ("POST", "/v1/settings/inbox/templates"): write(P, EDITORS),
    ("GET", "/v1/settings/inbox/templates/{template_id}"): read(P, ANSWERERS),
    ("PATCH", "/v1/settings/inbox/templates/{template_id}"): write(P, EDITORS),
    ("DELETE", "/v1/settings/inbox/templates/{template_id}"): write(P, EDITORS),
}

# --- analytics ---------------------------------------------------------------------------------

LINKS: Table = {
    ("GET", "/v1/links"): read(A, TOWN, PAGES),
    ("POST", "/v1/links"): write(A, AUTHORS),
    ("GET", "/v1/links/{link_id}"): read(A, TOWN),
    ("PATCH", "/v1/links/{link_id}"): write(A, AUTHORS),
    ("GET", "/r/{code}"): public(),
    ("HEAD", "/r/{code}"): public(),
}
# Producer users see their own producers' figures only (the reports service scopes them), and no
# report of the town's posts and channels.
REPORTS: Table = {
    **{
        ("GET", f"/v1/reports/{name}"): read(A, TOWN)
        for name in (
            "overview",
            "overview.csv",
            "overview.svg",
            "products",
            "products.csv",
            "producers",
            "producers.csv",
            "producers/{producer_id}",
        )
    },
    **{
        ("GET", f"/v1/reports/{name}"): read(A, TOWN - {PRODUCER})
        for name in (
            "posts",
            "posts.csv",
            "channels",
            "channels.csv",
            "best-times",
            "best-times.csv",
            "best-times.svg",
            # The inbox's response times: counts and times only, no citizen's words.
            "inbox",
            "inbox.csv",
            "inbox-days",
            "inbox-days.csv",
            "inbox-days.svg",
            "inbox-ages",
            "inbox-ages.csv",
        )
    },
}
CONVERSIONS: Table = {
    ("GET", "/v1/conversions"): read(A, ANALYSTS),
    ("POST", "/v1/conversions/import"): write(A, ANALYSTS),
    # Signed by the store for `{town}`: the signature is checked, not a login.
    ("POST", "/webhooks/{town}/shopify"): public(),
    ("POST", "/webhooks/{town}/woocommerce"): public(),
    ("POST", "/webhooks/{town}/postback"): public(),
    ("GET", "/v1/insights/snapshots"): read(A, TOWN),
    ("POST", "/v1/insights/snapshots"): Rule(ADMINS, f"{A}:write", gateway=True),
}
SETTINGS: Table = {
    ("GET", "/v1/settings/tracking"): read(A, ANALYSTS),
    ("PUT", "/v1/settings/tracking"): write(A, ADMINS),
    ("GET", "/v1/settings/webhooks"): read(A, ADMINS),
    ("PUT", "/v1/settings/webhooks/{store}"): write(A, ADMINS),
}

# --- routes each service serves to the gateway only (never routed to clients) ------------------

INTERNAL: Table = {
    ("GET", "/v1/usage"): internal(OPERATORS | ANALYSTS),
    ("GET", "/v1/playbook"): internal(ADMINS),
    ("PUT", "/v1/playbook"): internal(ADMINS),
    ("GET", "/internal/v1/export"): internal(),
}

# The edge redirect (the gateway's `/r/{code}`): a code's route on a miss, and its clicks.
EDGE: Table = {
    ("GET", "/internal/v1/links/{code}"): internal(),
    ("POST", "/internal/v1/clicks"): internal(),
}

TABLES: dict[str, Table] = {
    "gateway": {
        **AUTH,
        **TENANTS,
        **USERS,
        **AUDIT,
        **WEBHOOK_ENDPOINTS,
        **NOTIFICATIONS,
        **SLOT_SUGGESTIONS,
        **PUBLIC_PAGES,
    },
    "catalog": {
        **PRODUCERS,
        **PRODUCTS,
        **PLACES,
        **MEDIA,
        **STOREFRONTS,
        **IMPORTS,
        **INTERNAL,
    },
    "publisher": {
        **CHANNELS,
        **POSTS,
        **DELIVERIES,
        **CAMPAIGNS,
        **SLOTS,
        **INBOX,
        **INTERNAL,
    },
    "analytics": {**LINKS, **REPORTS, **CONVERSIONS, **SETTINGS, **INTERNAL, **EDGE},
}


# --- the audit log of forwarded operations ----------------------------------------------------


@dataclass(frozen=True)
class Audited:
    """A forwarded operation the gateway records in the audit log as `action`; a settings write
    names the GET (`snapshot`, a path template over the same parameters) that reads the settings
    before and after it."""

    action: str
    snapshot: str | None = None


# Beside the rows rather than in them: which operations are recorded is a question of its own,
# and a list here is read in one place (the gateway's own actions record themselves).
AUDITED: Mapping[Operation, Audited] = {
    ("POST", "/v1/channels"): Audited("channel.created"),
    ("PATCH", "/v1/channels/{channel_id}"): Audited("channel.updated"),
    ("POST", "/v1/channels/credentials/rotate"): Audited("channel.credentials_rotated"),
    ("GET", "/v1/channels/oauth/{platform}/callback"): Audited("channel.connected"),
    ("POST", "/v1/channels/oauth/{platform}/select"): Audited("channel.connected"),
    ("POST", "/v1/deliveries/{delivery_id}/retry"): Audited("delivery.retried"),
    ("POST", "/v1/posts"): Audited("post.created"),
    ("POST", "/v1/posts/{post_id}/submit"): Audited("post.submitted"),
    ("POST", "/v1/posts/{post_id}/approve"): Audited("post.approved"),
    ("POST", "/v1/posts/{post_id}/reject"): Audited("post.rejected"),
    ("POST", "/v1/posts/{post_id}/schedule"): Audited("post.scheduled"),
    ("POST", "/v1/posts/{post_id}/cancel"): Audited("post.cancelled"),
    ("PUT", "/v1/posts/settings"): Audited("settings.posts", snapshot="/v1/posts/settings"),
    ("POST", "/v1/campaigns"): Audited("campaign.created"),
    ("POST", "/v1/campaigns/{campaign_id}/submit"): Audited("campaign.submitted"),
    ("POST", "/v1/campaigns/{campaign_id}/approve"): Audited("campaign.approved"),
    ("PATCH", "/v1/campaigns/{campaign_id}"): Audited("campaign.updated"),
    ("POST", "/v1/campaigns/{campaign_id}/pause"): Audited("campaign.paused"),
    ("POST", "/v1/campaigns/{campaign_id}/resume"): Audited("campaign.resumed"),
    ("POST", "/v1/campaigns/{campaign_id}/cancel"): Audited("campaign.cancelled"),
    ("POST", "/v1/slots"): Audited("slot.created"),
    ("DELETE", "/v1/slots/{slot_id}"): Audited("slot.deleted"),
    ("POST", "/v1/storefronts"): Audited("storefront.created"),
    ("GET", "/v1/imports/export"): Audited("catalog.exported"),
    ("POST", "/v1/conversions/import"): Audited("conversions.imported"),
    ("PATCH", "/v1/conversations/{conversation_id}"): Audited("conversation.updated"),
    ("POST", "/v1/conversations/{conversation_id}/replies"): Audited("conversation.replied"),
    ("POST", "/v1/conversations/{conversation_id}/replies/{message_id}/approve"): Audited(
        "conversation.reply_approved"
    ),
    ("POST", "/v1/conversations/{conversation_id}/replies/{message_id}/reject"): Audited(
        "conversation.reply_rejected"
    ),
    ("POST", "/v1/conversations/erase"): Audited("conversation.citizen_erased"),
    ("POST", "/v1/conversations/{conversation_id}/messages/{message_id}/hide"): Audited(
        "conversation.comment_hidden"
    ),
    ("POST", "/v1/conversations/{conversation_id}/messages/{message_id}/unhide"): Audited(
        "conversation.comment_unhidden"
    ),
    ("DELETE", "/v1/conversations/{conversation_id}/messages/{message_id}"): Audited(
        "conversation.comment_deleted"
    ),
    ("POST", "/v1/settings/inbox/rules"): Audited("inbox.rule_created"),
    ("DELETE", "/v1/settings/inbox/rules/{rule_id}"): Audited("inbox.rule_deleted"),
    ("POST", "/v1/settings/inbox/groups"): Audited("inbox.group_created"),
    ("PATCH", "/v1/settings/inbox/groups/{group_id}"): Audited("inbox.group_updated"),
    ("DELETE", "/v1/settings/inbox/groups/{group_id}"): Audited("inbox.group_deleted"),
    ("POST", "/v1/settings/inbox/templates"): Audited("inbox.template_created"),
    ("PATCH", "/v1/settings/inbox/templates/{template_id}"): Audited("inbox.template_updated"),
    ("DELETE", "/v1/settings/inbox/templates/{template_id}"): Audited("inbox.template_deleted"),
    ("PUT", "/v1/settings/inbox"): Audited("settings.inbox", snapshot="/v1/settings/inbox"),
    ("PUT", "/v1/settings/tracking"): Audited(
        "settings.tracking", snapshot="/v1/settings/tracking"
    ),
    ("PUT", "/v1/settings/webhooks/{store}"): Audited(
        "settings.webhooks", snapshot="/v1/settings/webhooks"
    ),
}


def operations() -> dict[Operation, Rule]:
    """Every operation clients reach through the gateway (its own and the services')."""
    merged: dict[Operation, Rule] = dict(TABLES["gateway"])
    for table in TABLES.values():
        for operation, rule in table.items():
            if operation not in INTERNAL:
                merged.setdefault(operation, rule)
    return merged


# --- lookups and the decision ------------------------------------------------------------------


def rule_in(table: Table, method: str, template: str) -> Rule | None:
    """The row of `method template` in `table` (HEAD falls back to GET)."""
    found = table.get((method, template))
    if found is None and method == "HEAD":
        found = table.get(("GET", template))
    return found


def rule_for(service: str, method: str, template: str) -> Rule | None:
    """The row of `method template` in `service`'s table."""
    return rule_in(TABLES.get(service, {}), method, template)


@cache
def _patterns(service: str) -> list[tuple[int, re.Pattern[str], str, str]]:
    compiled = []
    for method, template in TABLES.get(service, {}):
        segments = template.strip("/").split("/")
        literal = sum(1 for s in segments if not s.startswith("{"))
        regex = "".join("/[^/]+" if s.startswith("{") else "/" + re.escape(s) for s in segments)
        compiled.append((literal, re.compile(regex), method, template))
    # A literal segment wins over a parameter: /v1/slots/next is not slot "next".
    compiled.sort(key=lambda item: -item[0])
    return compiled


def template_of(service: str, method: str, path: str) -> str | None:
    """The path template of `service`'s operation that a concrete `path` is, or None."""
    for _, pattern, row_method, template in _patterns(service):
        if row_method == method and pattern.fullmatch(path):
            return template
    return None


def match(service: str, method: str, path: str) -> Rule | None:
    """The row of the operation a concrete `path` is (HEAD falls back to GET), or None."""
    template = template_of(service, method, path)
    if template is not None:
        return rule_for(service, method, template)
    return match(service, "GET", path) if method == "HEAD" else None


def check(rule: Rule | None, principal: InternalPrincipal) -> None:
    """Nothing when `rule` admits `principal`; else the problem to answer (403, or 404 for an
    anonymous page read without a town)."""
    refusal = refusal_of(rule, principal)
    if refusal is not None:
        raise refusal


def refusal_of(rule: Rule | None, principal: InternalPrincipal) -> ProblemError | None:
    """Why `rule` refuses `principal`, or None when it admits them."""
    if rule is None:
        return Forbidden("no authorization rule covers this operation")
    if principal.is_anonymous:
        if rule.anonymous == NO_ONE:
            return Forbidden("this endpoint is not public")
        if rule.anonymous == PAGES and principal.tenant_id is None:
            return NotFound("public reads need a town")
        return None
    if rule.anonymous == ANYONE or (rule.gateway and principal.kind == "service"):
        return None
    # A key's scopes bound it first: whatever its roles, it reaches nothing outside them.
    if rule.scope is not None and not covers(principal.scopes, rule.scope):
        return InsufficientScope(f"this API key has no {rule.scope} scope")
    if not principal.roles & rule.roles:
        return Forbidden(f"needs one of the roles: {', '.join(sorted(rule.roles)) or 'none'}")
    return None
