"""LINE broadcasts before approval: the messages each will use, checked against the plan and the
account's monthly quota (reference 4.5: "this broadcast will use N of M messages").

Broadcasting is a plan feature (`line_broadcast`); a broadcast that would exceed what remains of
the month's quota is refused (`quota-exceeded`) rather than cut off by LINE halfway.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from kit.auth import InternalPrincipal
from kit.errors import QuotaExceeded
from kit.secrets import Sealer
from publisher.errors import FeatureNotInPlan, PlatformUnavailable
from publisher.models import Channel
from publisher.platforms.line import broadcast as line
from publisher.posts.schemas import BroadcastEstimate
from publisher.settings import PublisherSettings

FEATURE = "line_broadcast"


@dataclass
class Broadcasts:
    """Reads LINE accounts' reach and quota with the API's platform client."""

    http: httpx.AsyncClient
    settings: PublisherSettings
    vault: Sealer

    async def estimate(self, channel: Channel) -> BroadcastEstimate:
        """The messages a broadcast on `channel` will use, and what the month has left."""
        secrets = self.vault.open(channel.credentials) if channel.credentials else {}
        try:
            reach = await line.broadcast_reach(
                self.http, self.settings.line_api_url, str(secrets.get("access_token", ""))
            )
        except line.LineUnavailable as exc:
            raise PlatformUnavailable(f"{channel.name}: {exc}") from exc
        return BroadcastEstimate(
            messages=reach.messages,
            followers=reach.followers,
            targeted_reaches=reach.targeted_reaches,
            monthly_quota=reach.quota,
            used_this_month=reach.used,
            remaining=reach.remaining,
            fits=reach.fits,
        )


def allowed(who: InternalPrincipal) -> bool:
    return who.has_feature(FEATURE)


def problems(who: InternalPrincipal, estimate: BroadcastEstimate | None) -> list[str]:
    """Why a LINE broadcast may not go out (for the preview)."""
    if not allowed(who):
        return ["the plan does not include LINE broadcasts"]
    if estimate is not None and not estimate.fits:
        return [_over(estimate)]
    return []


def require(who: InternalPrincipal, channel: Channel, estimate: BroadcastEstimate | None) -> None:
    """Refuse a broadcast the plan or the month's quota does not allow."""
    if not allowed(who):
        raise FeatureNotInPlan("the plan does not include LINE broadcasts", feature=FEATURE)
    if estimate is not None and not estimate.fits:
        raise QuotaExceeded(
            f"{channel.name}: {_over(estimate)}",
            channel_id=str(channel.id),
            messages=estimate.messages,
            remaining=estimate.remaining,
        )


def _over(estimate: BroadcastEstimate) -> str:
    return (
        f"this broadcast would use {estimate.messages} messages;"
        f" {estimate.remaining} of {estimate.monthly_quota} remain this month"
    )
