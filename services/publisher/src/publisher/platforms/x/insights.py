"""X API v2 public metrics (app-only token is enough): the user's `public_metrics` and each
post's, up to 100 ids per request (developer.x.com/en/docs/x-api/metrics)."""

from __future__ import annotations

import httpx

from publisher.platforms.insights import Account, Pull, Reading, ok_json
from publisher.settings import PublisherSettings

API_VERSION = "2"
USER_METRICS = {"followers_count": "followers", "tweet_count": "posts"}
POST_METRICS = {  # public_metrics field -> our metric
    "like_count": "likes",
    "retweet_count": "reposts",
    "reply_count": "replies",
    "quote_count": "quotes",
    "bookmark_count": "bookmarks",
    "impression_count": "post_views",
}
IDS_PER_REQUEST = 100


async def pull(http: httpx.AsyncClient, settings: PublisherSettings, account: Account) -> Pull:
    """The user's public metrics and each recent post's, on the X API URL of the settings."""
    base = settings.x_api_url
    headers = {"Authorization": f"Bearer {account.token}"}
    result = Pull(readings=[], skipped=[])
    user = ok_json(
        await http.get(
            f"{base}/2/users/{account.account_id}",
            params={"user.fields": "public_metrics"},
            headers=headers,
        )
    )
    metrics = (user.get("data") or {}).get("public_metrics") or {}
    for field, ours in USER_METRICS.items():
        if field in metrics:
            result.readings.append(
                Reading("account", account.account_id, ours, int(metrics[field]), API_VERSION)
            )
    ids = list(account.post_ids)
    for start in range(0, len(ids), IDS_PER_REQUEST):
        chunk = ids[start : start + IDS_PER_REQUEST]
        body = ok_json(
            await http.get(
                f"{base}/2/tweets",
                headers=headers,
                params={"ids": ",".join(chunk), "tweet.fields": "public_metrics"},
            )
        )
        for post in body.get("data") or []:
            for field, ours in POST_METRICS.items():
                value = (post.get("public_metrics") or {}).get(field)
                if value is None:
                    result.skipped.append(f"{field}: absent for {post.get('id')}")
                    continue
                result.readings.append(
                    Reading("post", str(post["id"]), ours, int(value), API_VERSION)
                )
    return result
