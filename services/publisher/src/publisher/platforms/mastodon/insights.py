"""Mastodon counts from the account and its statuses (docs.joinmastodon.org/methods/accounts,
/methods/statuses); each channel names its own instance, so the base URL comes with it."""

from __future__ import annotations

import httpx

from publisher.platforms.insights import Account, InsightsError, Pull, Reading, ok_json
from publisher.settings import PublisherSettings

API_VERSION = "v1"
ACCOUNT_METRICS = {"followers_count": "followers", "statuses_count": "posts"}
STATUS_METRICS = {
    "favourites_count": "likes",
    "reblogs_count": "reposts",
    "replies_count": "replies",
}


async def pull(http: httpx.AsyncClient, settings: PublisherSettings, account: Account) -> Pull:
    """The account's counts and each recent status's, on the channel's own instance (`http`:
    the guarded client of `kit.outbound`)."""
    if not account.base_url:
        raise InsightsError("a Mastodon channel needs its instance URL")
    base = account.base_url.rstrip("/")
    headers = {"Authorization": f"Bearer {account.token}"}
    result = Pull(readings=[], skipped=[])
    body = ok_json(await http.get(f"{base}/api/v1/accounts/{account.account_id}", headers=headers))
    for field, ours in ACCOUNT_METRICS.items():
        if field in body:
            result.readings.append(
                Reading("account", account.account_id, ours, int(str(body[field])), API_VERSION)
            )
    for status in account.post_ids:
        response = await http.get(f"{base}/api/v1/statuses/{status}", headers=headers)
        if response.status_code == 404:
            result.skipped.append(f"status {status}: deleted")
            continue
        post = ok_json(response)
        for field, ours in STATUS_METRICS.items():
            if field in post:
                result.readings.append(
                    Reading("post", status, ours, int(str(post[field])), API_VERSION)
                )
    return result
