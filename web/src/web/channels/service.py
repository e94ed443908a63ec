"""The channels pages' calls: the town's channels and each user's own, the OAuth connect flow
the console owns (started with the user's token, completed through the API with the user's
token), and a channel's delivery history with the retries the API allows."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.channels import (
    channels_get,
    channels_list,
    channels_oauth_callback,
    channels_oauth_select,
    channels_oauth_start,
    channels_slot_suggestions,
    channels_slot_suggestions_accept,
)
from machi_client.api.deliveries import deliveries_attempts, deliveries_list, deliveries_retry
from machi_client.models import (
    AttemptRead,
    ChannelRead,
    ChannelsOauthCallbackPlatform,
    ChannelsOauthSelectPlatform,
    ChannelsOauthStartPlatform,
    ConnectResult,
    ConnectStart,
    ConnectStarted,
    ConnectStartOwnerKind,
    DeliveryRead,
    MeRead,
    PageAttemptRead,
    PageChannelRead,
    PageDeliveryRead,
    PageSelection,
    SlotSuggestions,
    SlotSuggestionsAccepted,
)
from machi_client.types import UNSET, Unset
from web.channels import errors
from web.gateway import ApiError, parsed
from web.i18n import N_

# The platforms connected by OAuth, with the name people know them by.
PLATFORMS = {
    "x": "X",
    "facebook_page": "Facebook",
    "instagram": "Instagram",
    "threads": "Threads",
    "mastodon": "Mastodon",
}
# The platforms a staff member connects their own account on (Meta's Pages are the town's).
OWN_PLATFORMS = {"x": "X", "mastodon": "Mastodon", "threads": "Threads"}
STATUSES = {
    "active": N_("Active"),
    "needs_reauth": N_("Needs reconnecting"),
    "disabled": N_("Disabled"),
}
DELIVERY_STATES = {
    "scheduled": N_("Waiting to go out"),
    "publishing": N_("Going out"),
    "committing": N_("Going out"),
    "published": N_("Published"),
    "failed": N_("Failed"),
    "unconfirmed": N_("Being checked"),
    "cancelled": N_("Cancelled"),
    "skipped": N_("Skipped: its product was sold out or archived"),
}
UNCONFIRMED = N_(
    "The platform's answer was lost: Machi is asking the platform whether the post went out."
    " It is never posted twice."
)
# The API's problems as a staff member reads them (by the problem type's slug).
PROBLEMS = {
    "url-refused": N_(
        "That server address is not on the public internet, so Machi will not connect to it."
        " Check the address of your Mastodon server."
    ),
    "oauth-failed": N_(
        "The server could not be reached, or did not answer as a Mastodon server does."
    ),
    "not-your-account": N_(
        "You connect your own accounts here; an admin connects the town's accounts."
    ),
    "retry-refused": N_("This delivery cannot be sent again."),
}


@dataclass(frozen=True)
class Shown:
    """A channel as its row shows it: the status in plain words and why it needs a hand."""

    channel: ChannelRead
    status: str
    reason: str
    reconnect: bool


def _reason(channel: ChannelRead) -> str:
    """Why the channel cannot post, in plain words (the platform's own reason after it)."""
    if channel.status == "needs_reauth":
        return N_(
            "The platform no longer accepts Machi's access to this account (the password was"
            " changed, access was removed, or the permission ran out). Reconnect it to post"
            " again."
        )
    if channel.missing_scopes:
        return N_("Some permissions were not granted: reconnect and allow them all.")
    return ""


def problem_words(error: ApiError) -> str:
    """What went wrong, in plain words when the problem is one people meet here."""
    return PROBLEMS.get(error.slug, error.title)


def may_post(who: MeRead, channel: ChannelRead) -> bool:
    """The content team posts everywhere; anyone else on the accounts they own (the API's rule,
    to offer only the buttons it will accept)."""
    if {"admin", "editor", "writer", "photographer"} & set(who.roles):
        return True
    return channel.owner_kind == "staff" and channel.owner_user == who.sub


async def channels(api: AuthenticatedClient, owner_user: str | None = None) -> list[Shown]:
    """The town's channels (or `owner_user`'s own), the ones needing a hand first."""
    answer = await channels_list.asyncio_detailed(
        client=api, limit=100, owner_user=owner_user if owner_user else UNSET
    )
    page = parsed(answer, PageChannelRead)
    shown = [
        Shown(
            c,
            STATUSES.get(c.status, c.status),
            _reason(c),
            c.platform in PLATFORMS and (c.status == "needs_reauth" or bool(c.missing_scopes)),
        )
        for c in page.items
    ]
    return sorted(shown, key=lambda s: (not s.reason, s.channel.name))


async def start(
    api: AuthenticatedClient,
    platform: str,
    owner_kind: str,
    instance_url: str | None,
    owner_user: str | None = None,
) -> str:
    """Begin connecting: the platform's authorization page the browser is sent to."""
    body = ConnectStart(owner_kind=ConnectStartOwnerKind(owner_kind))
    if owner_user:
        body.owner_user = owner_user
    if instance_url:
        body.instance_url = instance_url
    answer = await channels_oauth_start.asyncio_detailed(
        ChannelsOauthStartPlatform(platform), client=api, body=body
    )
    return parsed(answer, ConnectStarted).authorization_url


async def finish(api: AuthenticatedClient, platform: str, code: str, state: str) -> ConnectResult:
    """Complete the grant the platform redirected back with."""
    answer = await channels_oauth_callback.asyncio_detailed(
        ChannelsOauthCallbackPlatform(platform), client=api, code=code, state=state
    )
    return parsed(answer, ConnectResult)


async def select(
    api: AuthenticatedClient, platform: str, connection_id: UUID, ids: list[str]
) -> ConnectResult:
    """Make channels of the Pages the admin chose."""
    body = PageSelection(connection_id=connection_id, ids=ids)
    answer = await channels_oauth_select.asyncio_detailed(
        ChannelsOauthSelectPlatform(platform), client=api, body=body
    )
    return parsed(answer, ConnectResult)


def count(result: ConnectResult) -> int:
    """How many channels a finished connection made."""
    return 0 if isinstance(result.channels, Unset) else len(result.channels)


def all_staff(result: ConnectResult) -> bool:
    """Whether a finished connection made only people's own accounts (they belong on "mine")."""
    made = [] if isinstance(result.channels, Unset) else result.channels
    return bool(made) and all(c.owner_kind == "staff" for c in made)


async def channel(api: AuthenticatedClient, channel_id: UUID) -> ChannelRead:
    return parsed(await channels_get.asyncio_detailed(channel_id, client=api), ChannelRead)


@dataclass(frozen=True)
class Delivery:
    """One delivery in a channel's history: its state and, when it failed, why in plain words."""

    delivery: DeliveryRead
    state: str
    why: str
    retryable: bool


async def _failure(api: AuthenticatedClient, delivery: DeliveryRead) -> str:
    """The failure's sentence, from the last refused platform call of the delivery."""
    answer = await deliveries_attempts.asyncio_detailed(delivery.id, client=api, limit=200)
    refused = [a for a in parsed(answer, PageAttemptRead).items if a.outcome != "ok"]
    last: AttemptRead | None = refused[-1] if refused else None
    category = delivery.error_category if isinstance(delivery.error_category, str) else None
    if last is None:
        return errors.words(delivery.platform, category)
    return errors.words(
        delivery.platform,
        category or last.outcome,
        last.code if isinstance(last.code, str) else None,
        last.subcode if isinstance(last.subcode, str) else None,
        last.http_status if isinstance(last.http_status, int) else None,
    )


async def history(api: AuthenticatedClient, channel_id: UUID) -> list[Delivery]:
    """The channel's latest deliveries, newest first, failures explained."""
    answer = await deliveries_list.asyncio_detailed(client=api, channel_id=channel_id, limit=30)
    shown = []
    for item in parsed(answer, PageDeliveryRead).items:
        why = ""
        if item.state == "failed":
            why = await _failure(api, item)
        elif item.state == "unconfirmed":
            why = UNCONFIRMED
        retryable = bool(item.retryable) if not isinstance(item.retryable, Unset) else False
        shown.append(Delivery(item, DELIVERY_STATES.get(item.state, item.state), why, retryable))
    return shown


async def retry(api: AuthenticatedClient, delivery_id: UUID) -> DeliveryRead:
    """Send a delivery that failed before the publish call again (the API refuses others)."""
    answer = await deliveries_retry.asyncio_detailed(delivery_id, client=api)
    return parsed(answer, DeliveryRead)


# kit.policy: who may add a channel's slots (POST /v1/slots and the suggestions' accept).
SLOT_KEEPERS = frozenset({"admin", "editor", "writer", "photographer"})


async def slot_suggestions(api: AuthenticatedClient, channel_id: UUID) -> SlotSuggestions | None:
    """The channel's best weekly hours as slots; None for a role that may not read the best
    times, or while analytics cannot answer (the page shows the rest)."""
    answer = await channels_slot_suggestions.asyncio_detailed(channel_id, client=api)
    try:
        return parsed(answer, SlotSuggestions)
    except ApiError as exc:
        if exc.status in (403, 502, 503, 504):
            return None
        raise


async def accept_slot_suggestions(api: AuthenticatedClient, channel_id: UUID) -> int:
    """Add the suggested slots the channel lacks; how many were added."""
    answer = await channels_slot_suggestions_accept.asyncio_detailed(channel_id, client=api)
    return parsed(answer, SlotSuggestionsAccepted).created
