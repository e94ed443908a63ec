"""What one LINE broadcast costs: the friends it reaches against the month's message quota,
read before approval (`publisher.posts.broadcast`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import httpx

from publisher.platforms.line.insights import JST

INSIGHT_SRC = "developers.line.biz/en/reference/messaging-api/#get-number-of-followers"
QUOTA_SRC = "developers.line.biz/en/reference/messaging-api/#get-quota (reference 4.5)"


@dataclass(frozen=True)
class Reach:
    """What one broadcast costs: every friend who has not blocked the account receives it and
    counts as one message against the monthly quota (reference 4.5, Cost model)."""

    messages: int
    followers: int
    targeted_reaches: int
    blocks: int
    quota: int | None  # None: the plan sets no monthly limit (quota type "none")
    used: int

    @property
    def remaining(self) -> int | None:
        return None if self.quota is None else max(self.quota - self.used, 0)

    @property
    def fits(self) -> bool:
        return self.remaining is None or self.messages <= self.remaining


class LineUnavailable(Exception):
    """LINE did not say how many friends or how much quota the account has."""


async def _get(http: httpx.AsyncClient, url: str, token: str, **params: str) -> dict[str, object]:
    try:
        response = await http.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        raise LineUnavailable(f"LINE did not answer: {type(exc).__name__}") from exc
    if not response.is_success:
        raise LineUnavailable(f"LINE answered {response.status_code} to {url.split('/v2')[-1]}")
    body: dict[str, object] = response.json()
    return body


async def broadcast_reach(
    http: httpx.AsyncClient, base_url: str, token: str, today: date | None = None
) -> Reach:
    """Friends a broadcast reaches (yesterday's insight, or the day before while it is not
    ready) and the month's quota and consumption (INSIGHT_SRC, QUOTA_SRC)."""
    base = base_url.rstrip("/")
    day = today or datetime.now(UTC).astimezone(JST).date()
    followers: dict[str, object] = {}
    for back in (1, 2):
        stamp = (day - timedelta(days=back)).strftime("%Y%m%d")
        followers = await _get(http, f"{base}/v2/bot/insight/followers", token, date=stamp)
        if followers.get("status") == "ready":
            break
    else:
        raise LineUnavailable("LINE has no friend count for the last two days yet")
    quota = await _get(http, f"{base}/v2/bot/message/quota", token)
    used = await _get(http, f"{base}/v2/bot/message/quota/consumption", token)
    count, blocks = int(str(followers.get("followers", 0))), int(str(followers.get("blocks", 0)))
    return Reach(
        messages=max(count - blocks, 0),
        followers=count,
        targeted_reaches=int(str(followers.get("targetedReaches", 0))),
        blocks=blocks,
        quota=int(str(quota.get("value", 0))) if quota.get("type") == "limited" else None,
        used=int(str(used.get("totalUsage", 0))),
    )
