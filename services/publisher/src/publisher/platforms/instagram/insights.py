"""Instagram professional account insights: `followers_count` on the user, media insights one
metric at a time (`impressions` retired 2025-04-21, `views` replaces it; small accounts get
`(#10) Not enough viewers`), so a refused metric is skipped, not fatal."""

from __future__ import annotations

import httpx

from publisher.platforms.insights import (
    Account,
    Pull,
    Reading,
    meta_code,
    ok_json,
    raise_for_limits,
    version_of,
)
from publisher.settings import PublisherSettings

# (platform metric, our metric, source)
MEDIA_METRICS: list[tuple[str, str, str]] = [
    ("views", "post_views", "instagram-platform/reference/instagram-media/insights"),
    ("reach", "post_reach", "same reference"),
    ("likes", "likes", "same reference"),
    ("comments", "comments", "same reference"),
    ("shares", "shares", "same reference"),
    ("saved", "saves", "same reference"),
]
SKIPPABLE_CODES = {10, 100}  # not enough viewers; metric not valid (retired)


async def _media_metric(
    http: httpx.AsyncClient, base: str, media: str, metric: str, token: str
) -> int | None:
    response = await http.get(
        f"{base}/{media}/insights", params={"metric": metric, "access_token": token}
    )
    raise_for_limits(response)
    if response.status_code == 400 and meta_code(response) in SKIPPABLE_CODES:
        return None
    data = ok_json(response).get("data") or []
    if not isinstance(data, list) or not data:
        return None
    entry = data[0]
    total = entry.get("total_value") or {}
    if "value" in total:
        return int(total["value"])
    values = entry.get("values") or []
    return int(values[-1].get("value") or 0) if values else 0


async def pull(http: httpx.AsyncClient, settings: PublisherSettings, account: Account) -> Pull:
    """Followers of the account, and each recent media's metrics (versioned Graph URL)."""
    base = settings.facebook_graph_url.rstrip("/")
    tag = f"graph-{version_of(base)}"
    user = ok_json(
        await http.get(
            f"{base}/{account.account_id}",
            params={"fields": "followers_count", "access_token": account.token},
        )
    )
    result = Pull(readings=[], skipped=[])
    if "followers_count" in user:
        result.readings.append(
            Reading(
                "account", account.account_id, "followers", int(str(user["followers_count"])), tag
            )
        )
    else:
        result.skipped.append("followers_count: not available for this account")
    for media in account.post_ids:
        for name, ours, _ in MEDIA_METRICS:
            value = await _media_metric(http, base, media, name, account.token)
            if value is None:
                result.skipped.append(f"{name}: unavailable for {media}")
                continue
            result.readings.append(Reading("post", media, ours, value, tag))
    return result
