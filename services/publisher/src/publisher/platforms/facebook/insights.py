"""Facebook Page insights (Graph API `/{id}/insights`). One metric per request, because one
retired name fails the whole request with `(#100) The value must be a valid insights metric`
(postiz-app #1609); a retired metric is skipped, not fatal."""

from __future__ import annotations

import httpx

from publisher.platforms.insights import (
    Account,
    InsightsError,
    Pull,
    RateLimited,
    Reading,
    meta_code,
    ok_json,
    raise_for_limits,
    version_of,
)
from publisher.settings import PublisherSettings

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
# A retired metric answers `(#100) The value must be a valid insights metric`; newer retirements
# say the metric "is deprecated" (FB blog 2025-08-15). Both name the metric, other #100s do not.
RETIRED_CODE, RETIRED_WORDS = 100, ("metric", "deprecated")
THROTTLED_CODES = {4, 17, 32, 613, 80001}  # graph-api/overview/rate-limiting


def retired(response: httpx.Response) -> bool:
    """True when a 400 says the metric itself is no longer valid."""
    if response.status_code != 400 or meta_code(response) != RETIRED_CODE:
        return False
    message = str((response.json().get("error") or {}).get("message") or "").lower()
    return any(word in message for word in RETIRED_WORDS)


async def _metric(
    http: httpx.AsyncClient, base: str, object_id: str, metric: str, token: str
) -> int | None:
    response = await http.get(
        f"{base}/{object_id}/insights", params={"metric": metric, "access_token": token}
    )
    raise_for_limits(response)
    if retired(response):
        return None
    if meta_code(response) in THROTTLED_CODES:
        raise RateLimited(f"facebook throttled (code {meta_code(response)})", None)
    data = ok_json(response).get("data") or []
    if not isinstance(data, list) or not data:
        raise InsightsError(f"no data for {metric}")
    values = data[0].get("values") or []
    return int(values[-1].get("value") or 0) if values else 0


async def pull(http: httpx.AsyncClient, settings: PublisherSettings, account: Account) -> Pull:
    """The Page's follows and views, and each recent post's metrics, on the versioned Graph
    URL of the settings."""
    base = settings.facebook_graph_url.rstrip("/")
    tag = f"graph-{version_of(base)}"
    result = Pull(readings=[], skipped=[])
    targets = [("account", account.account_id)] + [("post", p) for p in account.post_ids]
    for kind, object_id in targets:
        for name, ours, metric_kind, _ in METRICS:
            if metric_kind != kind:
                continue
            value = await _metric(http, base, object_id, name, account.token)
            if value is None:
                result.skipped.append(f"{name}: retired")
                continue
            result.readings.append(Reading(kind, object_id, ours, value, tag))
    return result
