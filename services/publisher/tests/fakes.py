"""Fake platforms served over real HTTP on loopback, with the documented shapes and errors.

Facebook Graph (reference 4.1): `{error:{message,type,code,error_subcode,fbtrace_id}}`,
X-App-Usage headers. X API v2 (4.3): problem-JSON errors, `x-rate-limit-*` headers, no
Retry-After. Each fake keeps what it published so tests can count posts on the platform.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import JSONResponse, Response


@dataclass
class Scripted:
    """An answer to give instead of success: status, body, headers."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def meta_error(code: int, message: str, subcode: int | None = None) -> Scripted:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error["fbtrace_id"] = "AbCdEf"
    return Scripted(500 if code in (1, 2) else 400, {"error": error})


class FakeFacebook:
    """Pages feed publishing plus the Login endpoints of the connect flow."""

    def __init__(self) -> None:
        self.posts: list[dict[str, str]] = []
        self.calls = 0
        self.script: list[Scripted] = []
        self.hang_after_commit = False  # accept the post, then never answer
        self.latency = 0.0
        self.ids = itertools.count(1)
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/{page_id}/feed")
        async def feed(page_id: str, message: str = Form(), access_token: str = Form()) -> Any:
            self.calls += 1
            if self.latency:
                await asyncio.sleep(self.latency)
            if access_token == "expired":
                return _answer(meta_error(190, "Error validating access token", 463))
            if self.script:
                return _answer(self.script.pop(0))
            post_id = f"{page_id}_{next(self.ids)}"
            self.posts.append({"id": post_id, "message": message})
            while self.hang_after_commit:  # until the test lets go; the caller is gone by then
                await asyncio.sleep(0.02)
            headers = {"x-app-usage": '{"call_count":12,"total_cputime":3,"total_time":5}'}
            return JSONResponse({"id": post_id}, headers=headers)

        @app.get("/{page_id}/feed")
        async def read_feed(page_id: str) -> Any:
            mine = [p for p in self.posts if p["id"].startswith(f"{page_id}_")]
            return {"data": [{**p, "permalink_url": _permalink(p["id"])} for p in mine]}

        @app.get("/oauth/access_token")
        async def token(request: Request) -> Any:
            q = request.query_params
            if q.get("grant_type") == "fb_exchange_token":
                return {"access_token": "fb-long-user-token", "expires_in": 5_184_000}
            if q.get("code") != "fb-code" or not q.get("code_verifier"):
                return _answer(meta_error(100, "Invalid verification code format."))
            return {"access_token": "fb-short-user-token", "token_type": "bearer"}

        @app.get("/me/permissions")
        async def permissions() -> Any:
            granted = ["pages_show_list", "pages_manage_posts", "pages_read_engagement"]
            return {"data": [{"permission": p, "status": "granted"} for p in granted]}

        @app.get("/me/accounts")
        async def accounts(access_token: str) -> Any:
            if access_token != "fb-long-user-token":
                return _answer(meta_error(190, "Invalid OAuth access token"))
            return {
                "data": [
                    {"id": "1001", "name": "Takeo City", "access_token": "page-token-1001"},
                    {"id": "1002", "name": "Fun Buy Takeo", "access_token": "page-token-1002"},
                ]
            }

        @app.get("/{object_id}")
        async def read_object(object_id: str) -> Any:
            return {"id": object_id, "permalink_url": _permalink(object_id)}

        return app


def _permalink(post_id: str) -> str:
    return f"https://www.facebook.com/{post_id}"


def _answer(scripted: Scripted) -> JSONResponse:
    return JSONResponse(scripted.body, status_code=scripted.status, headers=scripted.headers)


class FakeX:
    """`POST /2/tweets`, the user timeline, and OAuth 2.0 token + users/me."""

    def __init__(self) -> None:
        self.posts: list[dict[str, str]] = []
        self.calls = 0
        self.script: list[Scripted] = []
        self.ids = itertools.count(1_800_000_000_000_000_000)
        self.tokens_used: list[str] = []
        self.refreshed: list[str] = []
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/2/tweets")
        async def tweet(request: Request) -> Any:
            self.calls += 1
            self.tokens_used.append(request.headers.get("authorization", ""))
            if self.script:
                return _answer(self.script.pop(0))
            body = await request.json()
            tweet_id = str(next(self.ids))
            self.posts.append({"id": tweet_id, "text": body["text"]})
            headers = rate_headers(remaining=99)
            return JSONResponse(
                {"data": {"id": tweet_id, "text": body["text"]}}, 201, headers=headers
            )

        @app.get("/2/users/{user_id}/tweets")
        async def timeline(user_id: str) -> Any:
            return {"data": list(reversed(self.posts))}

        @app.post("/2/oauth2/token")
        async def token(request: Request) -> Any:
            form = await request.form()
            if form.get("grant_type") == "refresh_token":
                self.refreshed.append(str(form.get("refresh_token")))
                if form.get("refresh_token") != "x-refresh-token":
                    return JSONResponse({"error": "invalid_request"}, 400)
                return {
                    "token_type": "bearer",
                    "access_token": "x-access-token-2",
                    "refresh_token": "x-refresh-token-2",
                    "expires_in": 7200,
                }
            if form.get("code") != "x-code" or not form.get("code_verifier"):
                return JSONResponse(
                    {"error": "invalid_request", "error_description": "bad code"}, 400
                )
            return {
                "token_type": "bearer",
                "access_token": "x-access-token",
                "refresh_token": "x-refresh-token",
                "expires_in": 7200,
                "scope": "tweet.read tweet.write users.read offline.access",
            }

        @app.get("/2/users/me")
        async def me() -> Any:
            return {"data": {"id": "42", "username": "takeo_city", "name": "Takeo City"}}

        return app


def rate_headers(remaining: int, reset_in: int = 900) -> dict[str, str]:
    return {
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": str(remaining),
        "x-rate-limit-reset": str(int(time.time()) + reset_in),
    }


def x_too_many(reset_at: int) -> Scripted:
    return Scripted(
        429,
        {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank"},
        {
            "x-rate-limit-limit": "100",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": str(reset_at),
        },
    )


class FakeLine:
    """Messaging API broadcast: a repeated `X-Line-Retry-Key` answers 409 (reference 4.5)."""

    def __init__(self, followers: int = 120, blocks: int = 20, quota: int | None = 200) -> None:
        self.broadcasts: list[dict[str, Any]] = []
        self.keys: dict[str, str] = {}
        self.hang_after_accept = False
        self.followers, self.blocks, self.quota, self.used = followers, blocks, quota, 0
        self.insight_dates: list[str] = []
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/v2/bot/insight/followers")
        async def followers(date: str) -> Any:
            self.insight_dates.append(date)
            if len(self.insight_dates) == 1:  # the newest day is still being counted
                return {"status": "unready"}
            return {
                "status": "ready",
                "followers": self.followers,
                "targetedReaches": self.followers // 2,
                "blocks": self.blocks,
            }

        @app.get("/v2/bot/message/quota")
        async def quota() -> Any:
            if self.quota is None:
                return {"type": "none"}
            return {"type": "limited", "value": self.quota}

        @app.get("/v2/bot/message/quota/consumption")
        async def consumption() -> Any:
            return {"totalUsage": self.used}

        @app.post("/v2/bot/message/broadcast")
        async def broadcast(request: Request) -> Any:
            key = request.headers.get("x-line-retry-key", "")
            if key in self.keys:
                return JSONResponse(
                    {"message": "The retry key is already accepted"},
                    409,
                    headers={"x-line-accepted-request-id": self.keys[key]},
                )
            request_id = f"req-{len(self.keys) + 1}"
            self.keys[key] = request_id
            self.broadcasts.append(await request.json())
            while self.hang_after_accept:
                await asyncio.sleep(0.02)
            return JSONResponse({}, headers={"x-line-request-id": request_id})

        return app


class FakeInstagram:
    """Content publishing: container, status, media_publish, and the account's own quota
    (`content_publishing_limit`, reference 4.2)."""

    def __init__(self, quota_usage: int = 0, quota_total: int = 25) -> None:
        self.quota_usage, self.quota_total = quota_usage, quota_total
        self.containers: list[str] = []
        self.published: list[str] = []
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/{ig_user}/content_publishing_limit")
        async def limit(ig_user: str) -> Any:
            config = {"quota_total": self.quota_total, "quota_duration": 86400}
            return {"data": [{"quota_usage": self.quota_usage, "config": config}]}

        @app.post("/{ig_user}/media")
        async def media(ig_user: str) -> Any:
            self.containers.append(f"c{len(self.containers) + 1}")
            return {"id": self.containers[-1]}

        @app.get("/{container}")
        async def status(container: str) -> Any:
            return {"id": container, "status_code": "FINISHED"}

        @app.post("/{ig_user}/media_publish")
        async def publish(ig_user: str, creation_id: str = Form()) -> Any:
            self.published.append(creation_id)
            self.quota_usage += 1
            return {"id": f"ig-{creation_id}"}

        return app


class FakeThreads:
    """Threads long-lived token refresh, `GET /refresh_access_token` (reference 4.4)."""

    def __init__(self) -> None:
        self.refreshed: list[str] = []
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/refresh_access_token")
        async def refresh(grant_type: str, access_token: str) -> Any:
            if grant_type != "th_refresh_token" or access_token == "th-revoked":
                return _answer(meta_error(190, "Error validating access token", 460))
            self.refreshed.append(access_token)
            return {"access_token": "th-long-2", "token_type": "bearer", "expires_in": 5_184_000}

        return app


class FakeMastodon:
    """One instance: app registration, the token exchange, the account and instance limits
    (docs.joinmastodon.org/methods/apps, /methods/oauth, /methods/instance)."""

    def __init__(self) -> None:
        self.registrations: list[dict[str, str]] = []
        self.token_requests = 0
        # What POST /api/v1/statuses answers: (status, body, content type).
        self.status_answer: tuple[int, str, str] = (200, '{"id": "1", "url": null}', "json")
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/api/v1/apps")
        async def register(request: Request) -> Any:
            form = await request.form()
            n = len(self.registrations) + 1
            made = {
                "id": str(n),
                "name": str(form.get("client_name")),
                "redirect_uri": str(form.get("redirect_uris")),
                "client_id": f"mastodon-client-{n}",
                "client_secret": f"mastodon-secret-{n}",
            }
            self.registrations.append(made)
            return made

        @app.post("/oauth/token")
        async def token(request: Request) -> Any:
            form = await request.form()
            self.token_requests += 1
            known = {(r["client_id"], r["client_secret"]) for r in self.registrations}
            if (form.get("client_id"), form.get("client_secret")) not in known:
                return JSONResponse({"error": "invalid_client"}, 401)
            if form.get("code") != "m-code" or not form.get("code_verifier"):
                return JSONResponse({"error": "invalid_grant"}, 400)
            return {
                "access_token": "m-user-token",
                "token_type": "Bearer",
                "scope": "read:accounts write:statuses write:media",
                "created_at": int(time.time()),
            }

        @app.get("/api/v1/accounts/verify_credentials")
        async def me() -> Any:
            return {"id": "109", "username": "takeo", "acct": "takeo"}

        @app.get("/api/v2/instance")
        async def instance() -> Any:
            statuses = {"max_characters": 1000, "characters_reserved_per_url": 23}
            return {"domain": "mastodon.test", "configuration": {"statuses": statuses}}

        @app.post("/api/v1/statuses")
        async def status() -> Any:
            code, body, kind = self.status_answer
            media = "application/json" if kind == "json" else "text/html"
            return Response(body, code, media_type=media)

        return app


def meta_usage(percent: int) -> dict[str, str]:
    return {"x-app-usage": f'{{"call_count":{percent},"total_cputime":1,"total_time":1}}'}
