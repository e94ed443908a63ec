"""LINE Official Account follower counts: `GET /v2/bot/insight/followers?date=yyyyMMdd`
(dates in UTC+9); `status` is `ready`, `unready` (not computed yet) or `out_of_service`
(line-bot-sdk InsightClient; analytics-links.md 4.4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import httpx

from publisher.platforms.insights import Account, Pull, Reading, ok_json
from publisher.settings import PublisherSettings

API_VERSION = "v2"
# Insight dates are days in Japan time (UTC+9), ready the day after (reference analytics 4.4).
JST = timezone(timedelta(hours=9))
METRICS = {"followers": "followers", "targetedReaches": "targeted_reaches", "blocks": "blocks"}


async def pull(
    http: httpx.AsyncClient,
    settings: PublisherSettings,
    account: Account,
    now: datetime | None = None,
) -> Pull:
    """Yesterday's counts (JST): today's are never ready."""
    base = settings.line_api_url
    day = ((now or datetime.now(UTC)).astimezone(JST) - timedelta(days=1)).strftime("%Y%m%d")
    body = ok_json(
        await http.get(
            f"{base}/v2/bot/insight/followers",
            params={"date": day},
            headers={"Authorization": f"Bearer {account.token}"},
        )
    )
    result = Pull(readings=[], skipped=[])
    if body.get("status") != "ready":
        result.skipped.append(f"followers: {body.get('status')} for {day}")
        return result
    for field, ours in METRICS.items():
        if body.get(field) is not None:
            result.readings.append(
                Reading("account", account.account_id, ours, int(str(body[field])), API_VERSION)
            )
    return result
