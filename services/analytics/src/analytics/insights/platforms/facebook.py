"""Facebook Page insights (Graph API `/{id}/insights`). One metric per request, because one
retired name fails the whole request with `(#100) The value must be a valid insights metric`
(postiz-app #1609); a retired metric is skipped, not fatal."""

from __future__ import annotations

import httpx

from analytics.insights.platforms.common import (
    Account,
    InsightsError,
    Pull,
    RateLimited,
    Reading,
    ok_json,
    raise_for_limits,
)

# (platform metric, our metric, object kind, source)
METRICS: list[tuple[str, str, str, str]] = [
    (
        "page_follows",
        "followers",
        "account",
        "FB blog 2025-08-15 page-insights-api-updates: replaces page_fans",
    ),
    ("page_media_view", "views", "account", "same post: replaces page_impressions"),
    ("post_media_view", "post_views", "post", "same post: replaces post_impressions"),
    ("post_clicks", "post_clicks", "post", "analytics-links.md 4.1: still usable on v25"),
    (
        "post_total_media_view_unique",
        "post_reach",
        "post",
        "insights reference: replaces post_impressions_unique",
    ),
]
RETIRED_CODES = {100}  # "(#100) The value must be a valid insights metric"
THROTTLED_CODES = {4, 17, 32, 613, 80001}  # graph-api/overview/rate-limiting


async def _metric(
    http: httpx.AsyncClient, base: str, version: str, object_id: str, metric: str, token: str
) -> int | None:
    response = await http.get(
        f"{base}/{version}/{object_id}/insights", params={"metric": metric, "access_token": token}
    )
    raise_for_limits(response)
    if response.status_code == 400:
        code = (response.json().get("error") or {}).get("code")
        if code in RETIRED_CODES:
            return None
        if code in THROTTLED_CODES:
            raise RateLimited(f"facebook throttled (code {code})", None)
    body = ok_json(response)
    data = body.get("data") or []
    if not isinstance(data, list) or not data:
        raise InsightsError(f"no data for {metric}")
    values = data[0].get("values") or []
    return int(values[-1].get("value") or 0) if values else 0


async def pull(http: httpx.AsyncClient, base: str, version: str, account: Account) -> Pull:
    """The Page's follows and views, and each recent post's metrics."""
    result = Pull(readings=[], skipped=[])
    targets = [("account", account.account_id)] + [("post", p) for p in account.post_ids]
    for kind, object_id in targets:
        for name, ours, metric_kind, _ in METRICS:
            if metric_kind != kind:
                continue
            value = await _metric(http, base, version, object_id, name, account.token)
            if value is None:
                result.skipped.append(f"{name}: retired")
                continue
            result.readings.append(Reading(kind, object_id, ours, value, f"graph-{version}"))
    return result
