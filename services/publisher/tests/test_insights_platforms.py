"""Insights adapters against fake platforms served on loopback (kit.testing.fakes.serve)."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from kit import outbound
from kit.outbound import OutboundPolicy
from kit.testing.fakes import serve
from publisher.insights import service
from publisher.platforms.insights import Account, RateLimited, TokenRejected
from publisher.settings import PublisherSettings

from .conftest import publisher_settings

EXPIRED = {
    "error": {
        "message": "Error validating access token: Session has expired",
        "type": "OAuthException",
        "code": 190,
        "error_subcode": 463,
    }
}
RETIRED = {
    "error": {
        "message": "(#100) The value must be a valid insights metric",
        "type": "OAuthException",
        "code": 100,
    }
}


def fake_graph() -> FastAPI:
    """Graph API: page_follows works, page_media_view is retired, posts have metrics."""
    app = FastAPI()
    values = {
        "page_follows": 33000,
        "post_media_view": 1200,
        "post_clicks": 45,
        "post_total_media_view_unique": 800,
    }

    @app.get("/v24.0/{object_id}/insights")
    async def insights(object_id: str, metric: str, access_token: str) -> Any:
        if access_token == "expired":
            return JSONResponse(EXPIRED, status_code=400)
        if metric not in values:
            return JSONResponse(RETIRED, status_code=400)
        return {
            "data": [
                {
                    "name": metric,
                    "period": "day",
                    "values": [{"value": values[metric], "end_time": "2026-11-26"}],
                }
            ]
        }

    @app.get("/v24.0/{user_id}")
    async def user(user_id: str, fields: str) -> Any:
        return {"id": user_id, "followers_count": 5100}

    return app


def settings_for(base: str) -> PublisherSettings:
    return publisher_settings(facebook_graph_url=f"{base}/v24.0", x_api_url=base, line_api_url=base)


async def test_facebook_retired_metric_is_skipped_not_fatal() -> None:
    async with serve(fake_graph()) as base, httpx.AsyncClient() as http:
        account = Account("facebook_page", "page-1", "token", post_ids=("page-1_99",))
        pulled = await service.fetch(http, settings_for(base), account)
    assert pulled.skipped == ["page_media_view: retired"]
    readings = {(r.object_kind, r.metric): r for r in pulled.readings}
    assert readings[("account", "followers")].value == 33000
    assert readings[("account", "followers")].api_version == "graph-v24.0"
    assert readings[("post", "post_clicks")].value == 45


async def test_facebook_expired_token_is_token_rejected() -> None:
    async with serve(fake_graph()) as base, httpx.AsyncClient() as http:
        with pytest.raises(TokenRejected):
            await service.fetch(
                http, settings_for(base), Account("facebook_page", "page-1", "expired")
            )


async def test_instagram_followers_and_media_views() -> None:
    graph = FastAPI()

    @graph.get("/v24.0/{media}/insights")
    async def media_insights(media: str, metric: str) -> Any:
        if metric == "saved":
            return JSONResponse(
                {"error": {"message": "(#10) Not enough viewers", "code": 10}}, status_code=400
            )
        return {"data": [{"name": metric, "period": "lifetime", "values": [{"value": 7}]}]}

    @graph.get("/v24.0/{user_id}")
    async def user(user_id: str) -> Any:
        return {"id": user_id, "followers_count": 5100}

    async with serve(graph) as base, httpx.AsyncClient() as http:
        pulled = await service.fetch(
            http, settings_for(base), Account("instagram", "ig-1", "t", post_ids=("m1",))
        )
    assert ("account", "followers", 5100) in {
        (r.object_kind, r.metric, r.value) for r in pulled.readings
    }
    assert pulled.skipped == ["saved: unavailable for m1"]


async def test_x_public_metrics_and_rate_limit_reset() -> None:
    app = FastAPI()
    state = {"limited": False}

    @app.get("/2/users/{user_id}")
    async def user(user_id: str, request: Request) -> Any:
        if state["limited"]:
            return JSONResponse(
                {"title": "Too Many Requests"},
                status_code=429,
                headers={"x-rate-limit-reset": "9999999999", "x-rate-limit-remaining": "0"},
            )
        return {
            "data": {
                "id": user_id,
                "public_metrics": {
                    "followers_count": 1200,
                    "following_count": 3,
                    "tweet_count": 88,
                    "listed_count": 1,
                },
            }
        }

    @app.get("/2/tweets")
    async def tweets(ids: str) -> Any:
        return {
            "data": [
                {
                    "id": i,
                    "text": "t",
                    "public_metrics": {
                        "retweet_count": 1,
                        "reply_count": 2,
                        "like_count": 3,
                        "quote_count": 0,
                        "bookmark_count": 0,
                        "impression_count": 500,
                    },
                }
                for i in ids.split(",")
            ]
        }

    async with serve(app) as base, httpx.AsyncClient() as http:
        account = Account("x", "42", "t", post_ids=("1", "2"))
        pulled = await service.fetch(http, settings_for(base), account)
        state["limited"] = True
        with pytest.raises(RateLimited) as limited:
            await service.fetch(http, settings_for(base), account)
    readings = {(r.object_id, r.metric): r.value for r in pulled.readings}
    assert readings[("42", "followers")] == 1200
    assert readings[("2", "post_views")] == 500
    assert limited.value.retry_after is not None
    assert limited.value.retry_after > 0


async def test_line_followers_and_unready_day() -> None:
    app = FastAPI()
    state = {"status": "ready"}

    @app.get("/v2/bot/insight/followers")
    async def followers(date: str, request: Request) -> Any:
        assert request.headers["authorization"] == "Bearer line-token"
        if state["status"] != "ready":
            return {"status": state["status"]}
        return {"status": "ready", "followers": 7000, "targetedReaches": 6500, "blocks": 120}

    async with serve(app) as base, httpx.AsyncClient() as http:
        account = Account("line", "@takeo", "line-token")
        ready = await service.fetch(http, settings_for(base), account)
        state["status"] = "unready"
        unready = await service.fetch(http, settings_for(base), account)
    assert {r.metric: r.value for r in ready.readings}["followers"] == 7000
    assert unready.readings == []
    assert unready.skipped[0].startswith("followers: unready")


async def test_mastodon_counts_from_the_channels_own_instance() -> None:
    app = FastAPI()

    @app.get("/api/v1/accounts/{account_id}")
    async def account(account_id: str) -> Any:
        return {"id": account_id, "followers_count": 321, "statuses_count": 40}

    @app.get("/api/v1/statuses/{status_id}")
    async def status(status_id: str) -> Any:
        if status_id == "gone":
            return JSONResponse({"error": "Record not found"}, status_code=404)
        return {"id": status_id, "favourites_count": 5, "reblogs_count": 2, "replies_count": 1}

    local = OutboundPolicy(allow_private=True)  # the instance is a fake on loopback
    async with (
        serve(app) as base,
        httpx.AsyncClient() as http,
        outbound.client(local, timeout=2) as instances,
    ):
        pulled = await service.fetch(
            http,
            settings_for("http://unused.invalid"),
            Account("mastodon", "109", "t", post_ids=("1", "gone"), base_url=base),
            instances,
        )
    assert {(r.object_id, r.metric): r.value for r in pulled.readings}[("109", "followers")] == 321
    assert pulled.skipped == ["status gone: deleted"]
