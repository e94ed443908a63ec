"""The channels page's calls: the town's channels, and the OAuth connect flow the console owns
(started with the user's token, completed through the API with the user's token)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.channels import (
    channels_list,
    channels_oauth_callback,
    channels_oauth_select,
    channels_oauth_start,
)
from machi_client.models import (
    ChannelRead,
    ChannelsOauthCallbackPlatform,
    ChannelsOauthSelectPlatform,
    ChannelsOauthStartPlatform,
    ConnectResult,
    ConnectStart,
    ConnectStarted,
    ConnectStartOwnerKind,
    PageChannelRead,
    PageSelection,
)
from machi_client.types import Unset
from web.gateway import parsed
from web.i18n import N_

# The platforms connected by OAuth, with the name people know them by.
PLATFORMS = {
    "x": "X",
    "facebook_page": "Facebook",
    "instagram": "Instagram",
    "threads": "Threads",
    "mastodon": "Mastodon",
}
STATUSES = {
    "active": N_("Active"),
    "needs_reauth": N_("Needs reconnecting"),
    "disabled": N_("Disabled"),
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


async def channels(api: AuthenticatedClient) -> list[Shown]:
    """The town's channels, the ones needing a hand first."""
    page = parsed(await channels_list.asyncio_detailed(client=api, limit=100), PageChannelRead)
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
    api: AuthenticatedClient, platform: str, owner_kind: str, instance_url: str | None
) -> str:
    """Begin connecting: the platform's authorization page the browser is sent to."""
    body = ConnectStart(owner_kind=ConnectStartOwnerKind(owner_kind))
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
