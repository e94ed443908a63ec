"""The external platforms every suite fakes, once: social networks and stores as real HTTP apps.

Each fake answers with the documented shapes (reference/social-publishing.md section 4: Graph
API errors `{error:{message,type,code,error_subcode,fbtrace_id}}` and `x-app-usage`, X API v2
problem JSON and `x-rate-limit-*` without Retry-After, the LINE Messaging API;
reference/commerce-catalog.md and shopify.dev / the WooCommerce REST docs for stores). Each keeps
what it was sent, so a test counts posts on the platform rather than calls in Machi. Serve one
with `kit.testing.fakes.serve` (async tests) or `serve_in_thread` (blocking tests).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import html
import io
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI, Form, Header, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from PIL import Image


@dataclass
class Scripted:
    """An answer to give instead of success: status, body, headers."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _answer(scripted: Scripted) -> JSONResponse:
    return JSONResponse(scripted.body, status_code=scripted.status, headers=scripted.headers)


def _consent_page(action: str, redirect_uri: str, state: str, fields: str) -> str:
    """A platform's consent page: allowing sends the browser back with a code (RFC 6749 4.1.2)."""
    hidden = "".join(
        f'<input type="hidden" name="{k}" value="{html.escape(v)}">'
        for k, v in (("redirect_uri", redirect_uri), ("state", state))
    )
    return (
        '<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">'
        f"<title>Authorize</title></head><body><main><h1>Authorize Machi?</h1>"
        f'<form method="post" action="{action}">{hidden}{fields}'
        '<button type="submit">Authorize</button></form></main></body></html>'
    )


def _back(redirect_uri: str, params: dict[str, str]) -> Response:
    joiner = "&" if "?" in redirect_uri else "?"
    location = redirect_uri + joiner + urlencode(params)
    return Response(status_code=303, headers={"location": location})


# --- Meta: Facebook Login, Pages, Instagram (one Graph API host) --------------------------------


def meta_error(code: int, message: str, subcode: int | None = None) -> Scripted:
    """A Graph API error body (reference 4.1); 190 is an expired or invalid token."""
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error["fbtrace_id"] = "AbCdEf"
    return Scripted(500 if code in (1, 2) else 400, {"error": error})


def meta_usage(percent: int) -> dict[str, str]:
    """An `x-app-usage` header at `percent` of the app's hourly calls."""
    return {"x-app-usage": f'{{"call_count":{percent},"total_cputime":1,"total_time":1}}'}


# Followers each fake reports for any of its accounts (insights pulls).
FOLLOWERS = {"meta": 800, "x": 300, "line": 1200}

META_PAGES = [
    # Takeo City's Page and the "Fun Buy" shop page, each with its Instagram business account.
    {"id": "1001", "name": "Takeo City", "ig": {"id": "17841001", "username": "takeo_city"}},
    {"id": "1002", "name": "Fun Buy Takeo", "ig": {"id": "17841002", "username": "funbuy_takeo"}},
]


FACEBOOK_PHOTO_LIMIT = 10 * 1024 * 1024  # Page photos: 10 MB (developers.facebook.com)
FACEBOOK_VIDEO_LIMIT = 10 * 1024 * 1024 * 1024  # resumable upload: 10 GB


def _permalink(post_id: str) -> str:
    return f"https://www.facebook.com/{post_id}"


@dataclass(frozen=True)
class ContainerRules:
    """How one container API (Instagram's or Threads') names things and what it checks."""

    status_field: str  # where the state is read
    words_field: str  # where an ERROR container says why
    text_field: str
    video_alone: str  # the media_type of a post that is one video
    max_children: int
    image_limit: int
    aspect: tuple[float, float]  # of images, width / height
    # Instagram refuses a photo it cannot take when the container is made (an error answer);
    # Threads makes the container and reads ERROR with a code in `error_message`.
    refuses_at_creation: bool


INSTAGRAM = ContainerRules(
    "status_code", "status", "caption", "REELS", 10, 8 * 1024 * 1024, (4 / 5, 1.91), True
)
THREADS = ContainerRules(
    "status", "error_message", "text", "VIDEO", 20, 8 * 1024 * 1024, (1 / 10, 10.0), False
)


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of an image Pillow can read (test photos are often bare bytes)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return int(image.width), int(image.height)
    except Exception:  # not an image Pillow knows: the fake does not judge its shape
        return None


class Containers:
    """Media containers as Instagram and Threads keep them (reference 4.2, 4.4): a photo or
    video fetched from its public URL, carousel children (`is_carousel_item`) and a CAROUSEL
    parent naming them, each IN_PROGRESS on its first read then FINISHED; ERROR when a video
    cannot be processed (`fail_processing`) or, on Threads, a photo is too large or of a bad
    aspect ratio (Instagram answers those with 2207004 and 2207009 when the container is made);
    EXPIRED after `expire()` (containers live 24 hours); publishing an expired container is
    refused with 2207020, one not FINISHED (a second publish too) with 2207027."""

    def __init__(self, rules: ContainerRules) -> None:
        self.rules = rules
        self.made: dict[str, dict[str, Any]] = {}
        self.posts: list[dict[str, Any]] = []
        self.created = 0  # containers asked for, answered or not
        self.fail_processing = False
        self.expire_before_publish = False  # a day passes between the last read and publishing
        self.script: list[Scripted] = []  # answers to the next creations instead of success
        self.ids = itertools.count(17_900_000_000_000_001)

    def expire(self) -> None:
        """A day has passed: every container not yet published has expired."""
        for made in self.made.values():
            if made["status"] != "PUBLISHED":
                made["status"] = "EXPIRED"

    async def _fetch(self, url: str) -> tuple[bytes, str] | None:
        try:
            async with httpx.AsyncClient(timeout=5) as http:
                fetched = await http.get(url)
        except httpx.HTTPError:
            return None
        if not fetched.is_success:
            return None
        return fetched.content, fetched.headers.get("content-type", "")

    def _refuse(self, made: dict[str, Any], code: int, words: str, subcode: int) -> Any:
        """Instagram answers at once; Threads keeps the container in ERROR (`error_message`)."""
        if self.rules.refuses_at_creation:
            return _answer(meta_error(code, words, subcode))
        made["status"], made["words"] = "ERROR", words
        return None

    async def _photo(self, made: dict[str, Any], url: str) -> Any:
        fetched = await self._fetch(url)
        if fetched is None or not fetched[1].startswith("image/"):
            words = "Media download has failed. The media URI doesn't meet our requirements."
            return self._refuse(made, 9004, words, 2207052)
        made["data"] = fetched[0]
        if len(fetched[0]) > self.rules.image_limit:
            return self._refuse(made, 36001, "The image size is too large.", 2207004)
        size = _image_size(fetched[0])
        low, high = self.rules.aspect
        if size is not None and not low - 1e-3 <= size[0] / size[1] <= high + 1e-3:
            words = f"The aspect ratio {size[0]}:{size[1]} is not supported. INVALID_ASPECT_RATIO"
            return self._refuse(made, 36003, words, 2207009)
        return None

    async def create(self, user: str, form: dict[str, str]) -> Any:
        """`POST /{user}/media` or `/{user}/threads`: a container's id, or the refusal."""
        self.created += 1
        if self.script:
            return _answer(self.script.pop(0))
        kind = form.get("media_type") or ("IMAGE" if form.get("image_url") else "TEXT")
        made: dict[str, Any] = {
            "user": user,
            "text": form.get(self.rules.text_field, ""),
            "media_type": kind,
            "alt": form.get("alt_text"),
            "carousel_item": form.get("is_carousel_item") == "true",
            "reply_to": form.get("reply_to_id"),  # Threads: the reply it answers
            "status": "IN_PROGRESS",
            "words": "",
            "data": None,
            "children": [],
        }
        if kind == "CAROUSEL":
            children = [c for c in form.get("children", "").split(",") if c]
            known = [self.made.get(c) for c in children]
            usable = all(c and c["carousel_item"] and c["status"] == "FINISHED" for c in known)
            if not 2 <= len(children) <= self.rules.max_children or not usable:
                words = f"A carousel takes 2 to {self.rules.max_children} finished items"
                return _answer(meta_error(100, words, 2207028))
            made["children"] = children
        elif form.get("image_url"):
            refused = await self._photo(made, form["image_url"])
            if refused is not None:
                return refused
        elif form.get("video_url"):
            fetched = await self._fetch(form["video_url"])
            if fetched is None or self.fail_processing:
                made["status"] = "ERROR"
                made["words"] = "FAILED_PROCESSING_VIDEO: the video could not be processed"
            else:
                made["data"] = fetched[0]
        container = str(next(self.ids))
        self.made[container] = made
        return {"id": container}

    def read(self, container: str) -> dict[str, Any] | None:
        """`GET /{container}`: its state (IN_PROGRESS once, then FINISHED)."""
        made = self.made.get(container)
        if made is None:
            return None
        shown = {"id": container, self.rules.status_field: made["status"]}
        if made["words"]:
            shown[self.rules.words_field] = made["words"]
        if made["status"] == "IN_PROGRESS":
            made["status"] = "FINISHED"
        return shown

    def publish(self, user: str, creation_id: str) -> Any:
        """`media_publish` or `threads_publish`: the post, once, of a FINISHED container."""
        made = self.made.get(creation_id)
        if made is None or made["user"] != user:
            return _answer(meta_error(100, f"Unsupported request: no container {creation_id}"))
        if self.expire_before_publish:
            self.expire_before_publish = False
            self.expire()
        if made["status"] == "EXPIRED":
            words = "The media container has expired. Create a new one."
            return _answer(meta_error(9007, words, 2207020))
        if made["status"] != "FINISHED":
            return _answer(meta_error(9007, "The media is not ready for publishing", 2207027))
        made["status"] = "PUBLISHED"
        post_id = str(next(self.ids))
        items = [self.made[c] for c in made["children"]] or [made]
        self.posts.append({"id": post_id, "user": user, **made, "items": items})
        return {"id": post_id}


class FakeMeta:
    """The Graph API host: Facebook Login, Pages feed and photo publishing (a photo fetched
    from its URL as Meta does, 324 when it is not an image, over 10 MB refused; unpublished
    photos attached to a feed post, 100 for an unknown or used `media_fbid`) and Instagram content
    publishing (container, status, media_publish, `content_publishing_limit`), reference 4.1, 4.2.
    The access token `expired` is refused with 190, as is a Page's after `expire_after` posts."""

    def __init__(self, ig_quota_used: int = 0, ig_quota_total: int = 25) -> None:
        self.posts: list[dict[str, Any]] = []  # Page feed posts (`photos`: their photo ids)
        self.photos: dict[str, dict[str, Any]] = {}  # photo id -> page, url, bytes, alt, post
        self.photo_calls = 0
        self.photo_script: list[Scripted] = []  # answers to the next photo uploads instead
        self.videos: dict[str, dict[str, Any]] = {}  # upload session -> video id, page, bytes
        self.video_sessions = 0
        self.video_chunk = 1024 * 1024  # the byte range each transfer is asked for
        self.fail_video = False  # finish answers Meta's upload error
        self.ig = Containers(INSTAGRAM)  # Instagram content publishing
        self.ig_quota_used, self.ig_quota_total = ig_quota_used, ig_quota_total
        self.expire_after: dict[str, int] = {}  # Page -> posts before its token answers 190
        self.calls = 0  # feed posts asked for, answered or not
        self.script: list[Scripted] = []
        self.hang_after_commit = False  # accept the post, then never answer
        self.latency = 0.0
        self.ids = itertools.count(1)
        # The inbox's answers: {kind: comment|ig-comment|message, to, message, id}.
        self.replies: list[dict[str, Any]] = []
        self.hang_after_reply = False  # take the reply, then never answer
        self.ig_user = "17841400000000001"  # the Instagram account its replies come from
        # Comments hidden, shown again or deleted: {id, action, param}; `hidden` the ones hidden
        # now, `deleted` the ones gone (a second delete is Graph's 100, as for any gone object).
        self.moderations: list[dict[str, Any]] = []
        self.hidden: set[str] = set()
        self.deleted: set[str] = set()
        self.app = self._build()

    async def _replied(self, made: dict[str, Any], token: str) -> Any:
        if token == "expired":
            return _answer(meta_error(190, "Error validating access token", 463))
        if self.script:
            return _answer(self.script.pop(0))
        self.replies.append(made)
        while self.hang_after_reply:  # until the test lets go; the caller is gone by then
            await asyncio.sleep(0.02)
        return None

    async def _moderated(self, made: dict[str, Any], token: str) -> Any:
        if token == "expired":
            return _answer(meta_error(190, "Error validating access token", 463))
        if self.script:
            return _answer(self.script.pop(0))
        self.moderations.append(made)
        while self.hang_after_reply:
            await asyncio.sleep(0.02)
        return None

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/{comment_id}/comments")
        async def comment_reply(comment_id: str, request: Request) -> Any:
            """A Page's public reply to a comment (Pages API comments, reference inbox 1)."""
            form = await request.form()
            made = {"kind": "comment", "to": comment_id, "message": str(form.get("message"))}
            made["id"] = f"{comment_id}_{next(self.ids)}"
            refused = await self._replied(made, str(form.get("access_token") or ""))
            return refused or {"id": made["id"]}

        @app.get("/{comment_id}/comments")
        async def comment_replies(comment_id: str) -> Any:
            """A comment's replies, the Page's among them (`from` the Page: a comment id is
            `{page}_{post}_{comment}`; Pages API comments, reference inbox 1)."""
            page = comment_id.split("_")[0]
            made = [r for r in self.replies if r["kind"] == "comment" and r["to"] == comment_id]
            return {
                "data": [
                    {"id": r["id"], "message": r["message"], "from": {"id": page, "name": page}}
                    for r in made
                ]
            }

        @app.get("/{comment_id}/replies")
        async def ig_replies(comment_id: str) -> Any:
            """A top-level Instagram comment's replies (IG Comment replies, reference inbox 2)."""
            made = [r for r in self.replies if r["kind"] == "ig-comment" and r["to"] == comment_id]
            author = {"id": self.ig_user, "username": "takeo_city"}
            return {"data": [{"id": r["id"], "text": r["message"], "from": author} for r in made]}

        @app.post("/{comment_id}/replies")
        async def ig_reply(comment_id: str, request: Request) -> Any:
            """An Instagram reply to a top-level comment (IG Comment replies, reference inbox 2)."""
            form = await request.form()
            made = {"kind": "ig-comment", "to": comment_id, "message": str(form.get("message"))}
            made["id"] = str(next(self.ids))
            refused = await self._replied(made, str(form.get("access_token") or ""))
            return refused or {"id": made["id"]}

        @app.post("/{ig_user}/mentions")
        async def mention_reply(ig_user: str, request: Request) -> Any:
            """A reply where the account was @mentioned on another's media (IG User Mentions,
            reference inbox 2): `media_id` required, `comment_id` for a comment's mention."""
            form = await request.form()
            if not form.get("media_id"):
                return _answer(meta_error(100, "(#100) The parameter media_id is required"))
            made = {"kind": "ig-mention", "account": ig_user, "media": str(form["media_id"])}
            made |= {"to": str(form.get("comment_id") or form["media_id"])}
            made |= {"message": str(form.get("message")), "id": str(next(self.ids))}
            refused = await self._replied(made, str(form.get("access_token") or ""))
            return refused or {"id": made["id"]}

        @app.post("/{page_id}/messages")
        async def send_api(page_id: str, request: Request, access_token: str = "") -> Any:
            """The Send API: a RESPONSE inside the 24-hour window (reference inbox 1); the
            Instagram messaging API takes the same body on the account's id, where
            `messaging_type` may be left out (reference inbox 2)."""
            body = await request.json()
            if body.get("messaging_type", "RESPONSE") != "RESPONSE":
                return _answer(meta_error(100, "(#100) Invalid messaging_type"))
            to = str((body.get("recipient") or {}).get("id"))
            made: dict[str, Any] = {"kind": "message", "page": page_id, "to": to}
            made |= {
                "message": (body.get("message") or {}).get("text"),
                "id": f"m_{next(self.ids)}",
            }
            refused = await self._replied(made, access_token)
            return refused or {"recipient_id": to, "message_id": made["id"]}

        @app.post("/{comment_id}")
        async def moderate(comment_id: str, request: Request) -> Any:
            """Hide or show a comment: Facebook's `is_hidden`, Instagram's `hide`
            (reference inbox 1, 2)."""
            form = await request.form()
            param = next((p for p in ("is_hidden", "hide") if p in form), None)
            if param is None or str(form[param]) not in ("true", "false"):
                return _answer(meta_error(100, "(#100) Param is_hidden or hide is required"))
            if comment_id in self.deleted:
                return _answer(meta_error(100, "(#100) Object does not exist"))
            action = "hide" if str(form[param]) == "true" else "unhide"
            made = {"id": comment_id, "action": action, "param": param}
            refused = await self._moderated(made, str(form.get("access_token") or ""))
            if refused is not None:
                return refused
            (self.hidden.add if action == "hide" else self.hidden.discard)(comment_id)
            return {"success": True}

        @app.delete("/{comment_id}")
        async def delete_comment(comment_id: str, access_token: str = "") -> Any:
            if comment_id in self.deleted:
                return _answer(meta_error(100, "(#100) Object does not exist"))
            made = {"id": comment_id, "action": "delete", "param": None}
            refused = await self._moderated(made, access_token)
            if refused is not None:
                return refused
            self.deleted.add(comment_id)
            return {"success": True}

        @app.get("/dialog/oauth", response_class=HTMLResponse)
        async def dialog(redirect_uri: str, state: str = "") -> str:
            """Facebook Login's consent dialog as a browser sees it: continuing sends the
            browser back with the code, cancelling with `error=access_denied` (reference 4.1)."""
            back, kept = html.escape(redirect_uri), html.escape(state)
            return (
                '<!doctype html><html lang="en"><head><meta name="viewport"'
                ' content="width=device-width"><title>Facebook</title></head><body><main>'
                "<h1>Machi would like to manage your Pages</h1>"
                f'<form method="get" action="{back}">'
                f'<input type="hidden" name="code" value="fb-code">'
                f'<input type="hidden" name="state" value="{kept}">'
                '<button type="submit">Continue</button></form>'
                f'<form method="get" action="{back}">'
                '<input type="hidden" name="error" value="access_denied">'
                f'<input type="hidden" name="state" value="{kept}">'
                '<button type="submit">Cancel</button></form></main></body></html>'
            )

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
            granted = [
                "pages_show_list",
                "pages_manage_posts",
                "pages_read_engagement",
                "instagram_basic",
                "instagram_content_publish",
                "business_management",
            ]
            return {"data": [{"permission": p, "status": "granted"} for p in granted]}

        @app.get("/me/accounts")
        async def accounts(access_token: str) -> Any:
            if access_token != "fb-long-user-token":
                return _answer(meta_error(190, "Invalid OAuth access token"))
            return {
                "data": [
                    {
                        "id": p["id"],
                        "name": p["name"],
                        "access_token": f"page-token-{p['id']}",
                        "instagram_business_account": p["ig"],
                    }
                    for p in META_PAGES
                ]
            }

        async def page_post(
            page_id: str, access_token: str, message: str, photos: list[str]
        ) -> Any:
            """A post on the Page's feed, as /feed and a published /photos make it."""
            self.calls += 1
            if self.latency:
                await asyncio.sleep(self.latency)
            done = sum(1 for p in self.posts if p["page"] == page_id)
            lapsed = page_id in self.expire_after and done >= self.expire_after[page_id]
            if access_token == "expired" or lapsed:
                return _answer(meta_error(190, "Error validating access token", 463))
            if self.script:
                return _answer(self.script.pop(0))
            post_id = f"{page_id}_{next(self.ids)}"
            self.posts.append(
                {"id": post_id, "page": page_id, "message": message, "photos": photos}
            )
            for photo in photos:
                self.photos[photo]["post"] = post_id
            while self.hang_after_commit:  # until the test lets go; the caller is gone by then
                await asyncio.sleep(0.02)
            return post_id

        @app.post("/{page_id}/feed")
        async def feed(page_id: str, request: Request) -> Any:
            form = await request.form()
            attached = [
                str(json.loads(str(v)).get("media_fbid"))
                for k, v in sorted(form.multi_items())
                if k.startswith("attached_media[")
            ]
            for photo in attached:
                known = self.photos.get(photo)
                if known is None or known["page"] != page_id or known["post"] is not None:
                    words = f"(#100) param attached_media[0] has invalid media_fbid {photo}"
                    return _answer(meta_error(100, words))
            token = str(form.get("access_token") or "")
            made = await page_post(page_id, token, str(form.get("message") or ""), attached)
            if not isinstance(made, str):
                return made
            headers = {"x-app-usage": '{"call_count":12,"total_cputime":3,"total_time":5}'}
            return JSONResponse({"id": made}, headers=headers)

        @app.post("/{page_id}/photos")
        async def photos(page_id: str, request: Request) -> Any:
            """A photo fetched from its public URL, as Meta does; `published=false` keeps it
            for a feed post's `attached_media`, else it is a post itself."""
            form = await request.form()
            url = str(form.get("url") or "")
            self.photo_calls += 1
            if self.photo_script:
                return _answer(self.photo_script.pop(0))
            try:
                async with httpx.AsyncClient(timeout=5) as http:
                    fetched = await http.get(url)
            except httpx.HTTPError:
                fetched = None
            kind = fetched.headers.get("content-type", "") if fetched is not None else ""
            if fetched is None or not fetched.is_success or not kind.startswith("image/"):
                return _answer(meta_error(324, "(#324) Missing or invalid image file"))
            if len(fetched.content) > FACEBOOK_PHOTO_LIMIT:
                return _answer(meta_error(100, "(#100) The image exceeds the maximum size"))
            photo_id = str(next(self.ids))
            self.photos[photo_id] = {
                "page": page_id,
                "url": url,
                "data": fetched.content,
                "alt": form.get("alt_text_custom"),
                "post": None,
            }
            if str(form.get("published", "true")).lower() == "false":
                return {"id": photo_id}
            token = str(form.get("access_token") or "")
            made = await page_post(page_id, token, str(form.get("message") or ""), [photo_id])
            if not isinstance(made, str):
                return made
            return {"id": photo_id, "post_id": made}

        @app.post("/{page_id}/videos")
        async def videos(page_id: str, request: Request) -> Any:
            """The resumable upload: start, transfer each range Meta names, finish (posts)."""
            form = await request.form()
            phase = str(form.get("upload_phase") or "")
            if phase == "start":
                size = int(str(form.get("file_size") or 0))
                if size > FACEBOOK_VIDEO_LIMIT:
                    return _answer(meta_error(100, "(#100) The video file is too large"))
                video_id, session = str(next(self.ids)), str(next(self.ids))
                self.videos[session] = {"id": video_id, "page": page_id, "size": size, "data": b""}
                self.video_sessions += 1
                end = min(size, self.video_chunk)
                return {
                    "video_id": video_id,
                    "upload_session_id": session,
                    "start_offset": "0",
                    "end_offset": str(end),
                }
            made = self.videos.get(str(form.get("upload_session_id")))
            if made is None or made["page"] != page_id:
                return _answer(meta_error(100, "(#100) Invalid upload_session_id"))
            if phase == "transfer":
                if int(str(form.get("start_offset"))) != len(made["data"]):
                    return _answer(meta_error(100, "(#100) start_offset does not match"))
                made["data"] += await _bytes_of(form.get("video_file_chunk"))
                start = len(made["data"])
                end = min(made["size"], start + self.video_chunk)
                return {"start_offset": str(start), "end_offset": str(end)}
            if phase == "finish":
                if len(made["data"]) != made["size"] or self.fail_video:
                    words = "There was a problem uploading your video file. Please try again."
                    return _answer(meta_error(6000, words))
                token = str(form.get("access_token") or "")
                text = str(form.get("description") or "")
                posted = await page_post(page_id, token, text, [])
                if not isinstance(posted, str):
                    return posted
                self.posts[-1]["video"] = made["id"]
                return {"success": True}
            return _answer(meta_error(100, "(#100) upload_phase must be start, transfer or finish"))

        @app.get("/{page_id}/feed")
        async def read_feed(page_id: str) -> Any:
            mine = [p for p in self.posts if p["page"] == page_id]
            return {"data": [{**p, "permalink_url": _permalink(p["id"])} for p in mine]}

        @app.get("/{ig_user}/content_publishing_limit")
        async def limit(ig_user: str) -> Any:
            used = self.ig_quota_used + sum(1 for p in self.ig_posts if p["user"] == ig_user)
            config = {"quota_total": self.ig_quota_total, "quota_duration": 86400}
            return {"data": [{"quota_usage": used, "config": config}]}

        @app.post("/{ig_user}/media")
        async def media(ig_user: str, request: Request) -> Any:
            form = dict(await request.form())
            params = {**dict(request.query_params), **{k: str(v) for k, v in form.items()}}
            return await self.ig.create(ig_user, params)

        @app.post("/{ig_user}/media_publish")
        async def publish(ig_user: str, request: Request) -> Any:
            form = dict(await request.form())
            creation_id = str(form.get("creation_id") or request.query_params.get("creation_id"))
            return self.ig.publish(ig_user, creation_id)

        @app.get("/{object_id}/insights")
        async def insights(object_id: str, metric: str) -> Any:
            value = FOLLOWERS["meta"] if metric.startswith("page_follows") else 40
            return {"data": [{"name": metric, "period": "day", "values": [{"value": value}]}]}

        @app.get("/{object_id}")
        async def read_object(object_id: str) -> Any:
            container = self.ig.read(object_id)
            if container is not None:
                return container
            return {
                "id": object_id,
                "permalink_url": _permalink(object_id),
                "followers_count": FOLLOWERS["meta"],
            }

        return app

    @property
    def containers(self) -> dict[str, dict[str, Any]]:
        return self.ig.made

    @property
    def ig_posts(self) -> list[dict[str, Any]]:
        """Published Instagram media: id, user, caption, media_type, items (each with the
        bytes Instagram fetched and its alt text)."""
        return [{**p, "caption": p["text"]} for p in self.ig.posts]


class FakeThreads:
    """The Threads API: long-lived token refresh (`GET /refresh_access_token`), and publishing
    through `Containers` (TEXT, IMAGE and VIDEO fetched from their URLs, carousels of up to 20)
    with `status` and `error_message`, `threads_publish` and `threads_publishing_limit`
    (reference 4.4)."""

    def __init__(self, quota_used: int = 0, quota_total: int = 250) -> None:
        self.refreshed: list[str] = []
        self.moderations: list[dict[str, Any]] = []  # replies hidden or shown again
        self.box = Containers(THREADS)
        self.quota_used, self.quota_total = quota_used, quota_total
        self.app = self._build()

    @property
    def containers(self) -> dict[str, dict[str, Any]]:
        return self.box.made

    @property
    def posts(self) -> list[dict[str, Any]]:
        return self.box.posts

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/{reply_id}/manage_reply")
        async def manage_reply(reply_id: str, request: Request) -> Any:
            """Hide or show a top-level reply on the user's post (reference inbox 3)."""
            form = await request.form()
            if str(form.get("hide")) not in ("true", "false"):
                return _answer(meta_error(100, "(#100) Param hide must be a boolean"))
            action = "hide" if form["hide"] == "true" else "unhide"
            self.moderations.append({"id": reply_id, "action": action})
            return {"success": True}

        @app.get("/refresh_access_token")
        async def refresh(grant_type: str, access_token: str) -> Any:
            if grant_type != "th_refresh_token" or access_token == "th-revoked":
                return _answer(meta_error(190, "Error validating access token", 460))
            self.refreshed.append(access_token)
            return {"access_token": "th-long-2", "token_type": "bearer", "expires_in": 5_184_000}

        @app.get("/{user}/threads_publishing_limit")
        async def limit(user: str) -> Any:
            used = self.quota_used + sum(1 for p in self.posts if p["user"] == user)
            config = {"quota_total": self.quota_total, "quota_duration": 86400}
            return {"data": [{"quota_usage": used, "config": config}]}

        @app.post("/{user}/threads")
        async def container(user: str, request: Request) -> Any:
            form = {k: str(v) for k, v in (await request.form()).items()}
            return await self.box.create(user, form)

        @app.post("/{user}/threads_publish")
        async def publish(user: str, request: Request) -> Any:
            form = await request.form()
            return self.box.publish(user, str(form.get("creation_id")))

        @app.get("/{container_id}")
        async def status(container_id: str) -> Any:
            shown = self.box.read(container_id)
            if shown is None:
                return _answer(meta_error(100, "Unsupported get request"))
            return shown

        return app


# --- Meta webhooks: what the platform sends to the citizen inbox ------------------------------


def meta_signed(body: dict[str, Any], app_secret: str) -> tuple[bytes, dict[str, str]]:
    """`body` as Meta sends it: JSON with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>` of the
    exact bytes, keyed by the app secret (developers.facebook.com/docs/graph-api/webhooks)."""
    raw = json.dumps(body, ensure_ascii=True).encode()  # Meta escapes non-ASCII characters
    digest = hmac.new(app_secret.encode(), raw, hashlib.sha256).hexdigest()
    return raw, {"Content-Type": "application/json", "X-Hub-Signature-256": f"sha256={digest}"}


def page_comment(
    page_id: str,
    post_id: str,
    comment_id: str,
    author: tuple[str, str],
    message: str,
    verb: str = "add",
    created_time: int | None = None,
    parent_id: str | None = None,
) -> dict[str, Any]:
    """A Page `feed` change for a comment (object `page`, `entry[].changes[]`; reference 1); a
    reply names the comment it answers as `parent_id`, a top-level comment the post."""
    now = int(time.time())
    value = {
        "from": {"id": author[0], "name": author[1]},
        "item": "comment",
        "verb": verb,
        "post_id": post_id,
        "comment_id": comment_id,
        "parent_id": parent_id or post_id,
        "message": message,
        "created_time": created_time or now,
    }
    change = {"field": "feed", "value": value}
    return {"object": "page", "entry": [{"id": page_id, "time": now, "changes": [change]}]}


def page_message(
    page_id: str, psid: str, mid: str, text: str, timestamp_ms: int | None = None
) -> dict[str, Any]:
    """A Messenger message to the Page (object `page`, `entry[].messaging[]`; reference 1)."""
    at = timestamp_ms or int(time.time() * 1000)
    item = {
        "sender": {"id": psid},
        "recipient": {"id": page_id},
        "timestamp": at,
        "message": {"mid": mid, "text": text},
    }
    return {"object": "page", "entry": [{"id": page_id, "time": at, "messaging": [item]}]}


def instagram_comment(
    ig_user: str, media_id: str, comment_id: str, author: tuple[str, str], text: str
) -> dict[str, Any]:
    """An Instagram `comments` change (object `instagram`; reference 2, Payloads)."""
    value = {
        "id": comment_id,
        "from": {"id": author[0], "username": author[1]},
        "text": text,
        "media": {"id": media_id, "media_product_type": "FEED"},
    }
    entry = {
        "id": ig_user,
        "time": int(time.time()),
        "changes": [{"field": "comments", "value": value}],
    }
    return {"object": "instagram", "entry": [entry]}


def instagram_message(
    ig_user: str, igsid: str, mid: str, text: str, timestamp_ms: int | None = None
) -> dict[str, Any]:
    """An Instagram DM to the account (object `instagram`, `entry[].messaging[]`, the Messenger
    shape with the IGSID as sender; reference 2, Payloads)."""
    at = timestamp_ms or int(time.time() * 1000)
    item = {
        "sender": {"id": igsid},
        "recipient": {"id": ig_user},
        "timestamp": at,
        "message": {"mid": mid, "text": text},
    }
    return {"object": "instagram", "entry": [{"id": ig_user, "time": at, "messaging": [item]}]}


def instagram_mention(ig_user: str, media_id: str, comment_id: str) -> dict[str, Any]:
    """An Instagram `mentions` change: the account @mentioned in a comment on someone else's
    media, the value naming only the media and comment (Facebook Login; with Instagram Login
    mentions arrive inside `comments`; reference 2)."""
    value = {"media_id": media_id, "comment_id": comment_id}
    entry = {
        "id": ig_user,
        "time": int(time.time()),
        "changes": [{"field": "mentions", "value": value}],
    }
    return {"object": "instagram", "entry": [entry]}


def threads_reply(
    user_id: str,
    root_post: str,
    reply_id: str,
    username: str,
    text: str,
    replied_to: str | None = None,
) -> dict[str, Any]:
    """A Threads `replies` webhook (topic `moderate`) for a reply on the user's post
    (developers.facebook.com/docs/threads/webhooks; reference inbox 3). Sign it with
    `meta_signed` and the Threads app secret."""
    value = {
        "id": reply_id,
        "username": username,
        "text": text,
        "media_type": "TEXT_POST",
        "permalink": f"https://www.threads.net/@{username}/post/{reply_id}",
        "replied_to": {"id": replied_to or root_post},
        "root_post": {"id": root_post, "owner_id": user_id, "username": "takeo_city"},
        "shortcode": reply_id[-6:],
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime()),
    }
    return {
        "app_id": "123456",
        "topic": "moderate",
        "target_id": user_id,
        "time": int(time.time()),
        "subscription_id": "234567",
        "has_uid_field": False,
        "values": {"value": value, "field": "replies"},
    }


# --- LINE webhooks -------------------------------------------------------------------------------


def line_signed(body: dict[str, Any], channel_secret: str) -> tuple[bytes, dict[str, str]]:
    """`body` as LINE sends it: `X-Line-Signature` = base64 HMAC-SHA256 of the exact bytes, keyed
    by the channel secret (developers.line.biz/en/docs/messaging-api/verify-webhook-signature)."""
    raw = json.dumps(body, ensure_ascii=False).encode()
    digest = hmac.new(channel_secret.encode(), raw, hashlib.sha256).digest()
    return raw, {
        "Content-Type": "application/json",
        "X-Line-Signature": base64.b64encode(digest).decode(),
    }


def line_event(
    user_id: str,
    kind: str = "text",
    text: str = "",
    *,
    event_id: str | None = None,
    message_id: str | None = None,
    redelivery: bool = False,
    timestamp_ms: int | None = None,
) -> dict[str, Any]:
    """A 1:1 webhook event (line-openapi webhook.yml): a `text` or `image` message, or a
    `follow`; with a fresh `webhookEventId` and reply token unless given."""
    event: dict[str, Any] = {
        "type": "follow" if kind == "follow" else "message",
        "mode": "active",
        "timestamp": timestamp_ms or int(time.time() * 1000),
        "source": {"type": "user", "userId": user_id},
        "webhookEventId": event_id or f"01J{next(_LINE_IDS):023d}",
        "deliveryContext": {"isRedelivery": redelivery},
        "replyToken": f"reply-{next(_LINE_IDS)}",
    }
    if kind == "follow":
        event["follow"] = {"isUnblocked": False}
    else:
        message: dict[str, Any] = {"id": message_id or str(next(_LINE_IDS)), "type": kind}
        if kind == "text":
            message |= {"text": text, "quoteToken": f"q-{message['id']}"}
        else:
            message["contentProvider"] = {"type": "line"}
        event["message"] = message
    return event


_LINE_IDS = itertools.count(10_000)


def line_body(destination: str, *events: dict[str, Any]) -> dict[str, Any]:
    return {"destination": destination, "events": list(events)}


# --- X -----------------------------------------------------------------------------------------


def rate_headers(remaining: int, reset_in: int = 900) -> dict[str, str]:
    return {
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": str(remaining),
        "x-rate-limit-reset": str(int(time.time()) + reset_in),
    }


def x_too_many(reset_at: int) -> Scripted:
    """X's 429: no Retry-After, the window's end in `x-rate-limit-reset` (reference 4.3)."""
    return Scripted(
        429,
        {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank"},
        {
            "x-rate-limit-limit": "100",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": str(reset_at),
        },
    )


def x_problem(status: int, title: str, detail: str, kind: str = "invalid-request") -> Scripted:
    """An X API v2 error: problem JSON `{title, detail, type}` (reference 4.3)."""
    body = {"title": title, "detail": detail, "type": f"https://api.x.com/2/problems/{kind}"}
    return Scripted(status, body)


X_IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/bmp", "image/tiff", "image/pjpeg")
X_CHUNKED_TYPES = ("video/mp4", "video/webm", "video/mp2t", "video/quicktime", "image/gif")
X_LIMITS = {"tweet_image": 5 * 1024 * 1024, "tweet_gif": 15 * 1024 * 1024}
X_VIDEO_LIMIT = 512 * 1024 * 1024


@dataclass
class XUpload:
    """One media upload on the fake X: its bytes, kind, alt text and processing state."""

    id: str
    media_type: str
    category: str
    data: bytes = b""
    total_bytes: int = 0
    segments: dict[int, bytes] = field(default_factory=dict)
    alt: str | None = None
    state: str = "succeeded"  # pending, in_progress, succeeded, failed
    polls: int = 0
    expires_at: float = 0.0


async def _bytes_of(part: Any) -> bytes:
    """A multipart form field's bytes: an uploaded file's content, or a plain field's text."""
    if part is None:
        return b""
    if isinstance(part, str):
        return part.encode()
    data: bytes = await part.read()
    return data


def _x_user(token: str) -> str:
    """The account a fake token names: `x-access-<user>`, `-2` after a refresh."""
    return token.removeprefix("Bearer ").removeprefix("x-access-").split("-")[0]


class FakeX:
    """X API v2: `POST /2/tweets` with `x-rate-limit-*`, OAuth 2.0 token + `users/me`, and the
    media upload (simple, chunked initialize/append/finalize/status, metadata) with its
    documented refusals: a type it does not take, over 5 MB for an image, processing failed, and
    a post naming expired or unknown media ids (docs.x.com/x-api/media). The authorization code
    names the account (`x-code-<username>` gives `x-access-<username>`), so staff accounts
    differ; a refresh of `x-refresh-<t>` gives `x-access-<t>-2`."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.uploads: dict[str, XUpload] = {}  # media id -> upload, as X keeps them
        self.upload_calls = 0  # uploads begun (simple uploads and initializes)
        self.upload_script: list[Scripted] = []  # answers to the next upload calls instead
        self.media_lifetime = 86_400  # expires_after_secs of every upload
        self.polls_to_process = 1  # status reads a chunked upload stays in_progress
        self.fail_processing = False  # chunked uploads end `failed` (X's InvalidMedia)
        self.calls: list[float] = []  # when each POST /2/tweets arrived
        self.script: list[Scripted] = []
        self.answered_scripted: list[float] = []  # when each scripted answer went back
        self.tokens_used: list[str] = []
        self.refreshed: list[str] = []
        self.ids = itertools.count(1_800_000_000_000_000_000)
        # The inbox: posts mentioning the town (`mention`), their authors, and every read of
        # `GET /2/users/:id/mentions` (its query), answered instead by `mention_script` first.
        self.mentions: list[dict[str, Any]] = []
        self.users: dict[str, dict[str, str]] = {}
        self.mention_reads: list[dict[str, str]] = []
        self.mention_script: list[Scripted] = []
        self.mention_limit = 300  # reads per 15 minutes per user [X-RL]
        self.mention_read_times: list[float] = []
        self.hang_after_post = False  # take the post, then never answer
        self.app = self._build()

    def mention(
        self,
        author: tuple[str, str],
        text: str,
        *,
        in_reply_to: str | None = None,
        conversation_id: str | None = None,
    ) -> dict[str, Any]:
        """A citizen's post naming the town, as `GET /2/users/:id/mentions` shows it."""
        tweet_id = str(next(self.ids))
        user_id, username = author
        self.users[user_id] = {"id": user_id, "username": username, "name": username.title()}
        tweet: dict[str, Any] = {
            "id": tweet_id,
            "text": text,
            "author_id": user_id,
            "conversation_id": conversation_id or tweet_id,
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        }
        if in_reply_to:
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": in_reply_to}]
        self.mentions.append(tweet)
        return tweet

    def _mentions_page(self, query: dict[str, str]) -> Any:
        """One page of mentions, newest first: `since_id`, `max_results` (5..100), paged by an
        opaque `pagination_token`, with `meta.newest_id` / `next_token` (docs.x.com mentions)."""
        now = time.time()
        window = [t for t in self.mention_read_times if t > now - 900]
        headers = {
            "x-rate-limit-limit": str(self.mention_limit),
            "x-rate-limit-remaining": str(max(self.mention_limit - len(window), 0)),
            "x-rate-limit-reset": str(int(min(window, default=now)) + 900),
        }
        size = int(query.get("max_results") or 10)
        if not 5 <= size <= 100:
            return _answer(x_problem(400, "Invalid Request", "max_results must be 5..100"))
        since = int(query.get("since_id") or 0)
        found = sorted(
            (t for t in self.mentions if int(t["id"]) > since), key=lambda t: -int(t["id"])
        )
        start = int(query.get("pagination_token") or 0)
        page = found[start : start + size]
        if not page:
            return JSONResponse({"meta": {"result_count": 0}}, headers=headers)
        meta: dict[str, Any] = {
            "result_count": len(page),
            "newest_id": page[0]["id"],
            "oldest_id": page[-1]["id"],
        }
        if start + size < len(found):
            meta["next_token"] = str(start + size)
        users = [self.users[u] for u in dict.fromkeys(t["author_id"] for t in page)]
        body = {"data": page, "includes": {"users": users}, "meta": meta}
        return JSONResponse(body, headers=headers)

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/2/tweets")
        async def tweet(request: Request) -> Any:
            self.calls.append(time.time())
            authorization = request.headers.get("authorization", "")
            self.tokens_used.append(authorization)
            if self.script:
                answer = _answer(self.script.pop(0))
                self.answered_scripted.append(time.time())
                return answer
            body = await request.json()
            media_ids = [str(i) for i in (body.get("media") or {}).get("media_ids", [])]
            refused = self._media_refusal(media_ids)
            if refused is not None:
                return _answer(refused)
            to = (body.get("reply") or {}).get("in_reply_to_tweet_id")
            if to and not any(t["id"] == str(to) for t in self.mentions):
                # Self-serve apps answer only posts whose author summoned them (docs.x.com
                # manage-tweets introduction); the exact words are not documented.
                words = "You are not allowed to reply to this post"
                return _answer(x_problem(403, "Forbidden", words, "not-authorized-for-resource"))
            tweet_id = str(next(self.ids))
            made: dict[str, Any] = {
                "id": tweet_id,
                "text": body["text"],
                "user": _x_user(authorization),
                "media_ids": media_ids,
                "in_reply_to": str(to) if to else None,
            }
            if to:
                made["referenced_tweets"] = [{"type": "replied_to", "id": str(to)}]
            self.posts.append(made)
            while self.hang_after_post:  # until the test lets go; the caller is gone by then
                await asyncio.sleep(0.02)
            return JSONResponse(
                {"data": {"id": tweet_id, "text": body["text"]}}, 201, headers=rate_headers(99)
            )

        @app.post("/2/media/upload")
        async def upload(request: Request) -> Any:
            form = await request.form()
            media = form.get("media")
            category = str(form.get("media_category") or "tweet_image")
            data = await _bytes_of(media)
            kind = str(form.get("media_type") or getattr(media, "content_type", "") or "")
            self.upload_calls += 1
            if self.upload_script:
                return _answer(self.upload_script.pop(0))
            if kind not in X_IMAGE_TYPES:
                return _answer(x_problem(400, "Invalid Request", f"media type {kind} invalid"))
            if len(data) > X_LIMITS["tweet_image"]:
                return _answer(x_problem(400, "Invalid Request", "File size exceeds 5242880"))
            made = self._new_upload(kind, category)
            made.data, made.total_bytes = data, len(data)
            return JSONResponse({"data": self._media_view(made)}, headers=rate_headers(499))

        @app.post("/2/media/upload/initialize")
        async def initialize(request: Request) -> Any:
            body = await request.json()
            kind, total = str(body.get("media_type", "")), int(body.get("total_bytes", 0))
            category = str(body.get("media_category") or "tweet_video")
            self.upload_calls += 1
            if self.upload_script:
                return _answer(self.upload_script.pop(0))
            if kind not in X_IMAGE_TYPES + X_CHUNKED_TYPES:
                return _answer(x_problem(400, "Invalid Request", f"media type {kind} invalid"))
            if total > X_LIMITS.get(category, X_VIDEO_LIMIT):
                return _answer(x_problem(400, "Invalid Request", f"total_bytes over {category}"))
            made = self._new_upload(kind, category)
            made.total_bytes = total
            return JSONResponse({"data": self._media_view(made)}, headers=rate_headers(499))

        @app.post("/2/media/upload/{media_id}/append")
        async def append(media_id: str, request: Request) -> Any:
            form = await request.form()
            made = self.uploads.get(media_id)
            if made is None:
                return _answer(x_problem(400, "Invalid Request", "unknown media id"))
            chunk = form.get("media")
            data = await _bytes_of(chunk)
            made.segments[int(str(form.get("segment_index")))] = data
            return {"data": {"expires_at": int(made.expires_at)}}

        @app.post("/2/media/upload/{media_id}/finalize")
        async def finalize(media_id: str) -> Any:
            made = self.uploads.get(media_id)
            if made is None:
                return _answer(x_problem(400, "Invalid Request", "unknown media id"))
            made.data = b"".join(made.segments[i] for i in sorted(made.segments))
            if len(made.data) != made.total_bytes:
                return _answer(x_problem(400, "Invalid Request", "size does not match"))
            made.state = "pending"
            return {"data": self._media_view(made)}

        @app.get("/2/media/upload")
        async def upload_status(command: str, media_id: str) -> Any:
            made = self.uploads.get(media_id)
            if command != "STATUS" or made is None:
                return _answer(x_problem(400, "Invalid Request", "unknown media id"))
            if made.state in ("pending", "in_progress"):
                made.polls += 1
                if self.fail_processing:
                    made.state = "failed"
                elif made.polls > self.polls_to_process:
                    made.state = "succeeded"
                else:
                    made.state = "in_progress"
            return {"data": self._media_view(made)}

        @app.post("/2/media/metadata")
        async def metadata(request: Request) -> Any:
            body = await request.json()
            made = self.uploads.get(str(body.get("id")))
            if made is None:
                return _answer(x_problem(400, "Invalid Request", "unknown media id"))
            made.alt = str(((body.get("metadata") or {}).get("alt_text") or {}).get("text"))
            return {"data": {"id": made.id, "associated_metadata": body.get("metadata")}}

        @app.get("/2/users/me")
        async def me(authorization: str = Header(default="")) -> Any:
            user = _x_user(authorization)
            return {"data": {"id": user, "username": user, "name": user}}

        @app.get("/2/users/{user_id}")
        async def user(user_id: str) -> Any:
            metrics = {"followers_count": FOLLOWERS["x"], "tweet_count": len(self.posts)}
            return {"data": {"id": user_id, "username": user_id, "public_metrics": metrics}}

        @app.get("/2/tweets")
        async def lookup(ids: str) -> Any:
            metrics = {"like_count": 3, "retweet_count": 1, "reply_count": 0, "quote_count": 0}
            wanted = set(ids.split(","))
            found = [p for p in self.posts if p["id"] in wanted]
            return {"data": [{"id": p["id"], "public_metrics": metrics} for p in found]}

        @app.get("/2/users/{user_id}/mentions")
        async def mentions(user_id: str, request: Request) -> Any:
            query = dict(request.query_params)
            self.mention_reads.append({"user": user_id, **query})
            self.mention_read_times.append(time.time())
            if self.mention_script:
                return _answer(self.mention_script.pop(0))
            return self._mentions_page(query)

        @app.get("/2/users/{user_id}/tweets")
        async def timeline(user_id: str) -> Any:
            return {"data": [p for p in reversed(self.posts) if p["user"] == user_id]}

        @app.get("/i/oauth2/authorize", response_class=HTMLResponse)
        async def consent(redirect_uri: str, state: str = "", client_id: str = "") -> str:
            """The consent page a signed-in X user sees; they name the account they allow."""
            return _consent_page(
                "/i/oauth2/authorize",
                redirect_uri,
                state,
                '<label for="username">Username</label> <input id="username" name="username">',
            )

        @app.post("/i/oauth2/authorize")
        async def allow(
            redirect_uri: str = Form(), state: str = Form(""), username: str = Form("takeo")
        ) -> Response:
            return _back(redirect_uri, {"code": f"x-code-{username}", "state": state})

        @app.post("/2/oauth2/token")
        async def token(request: Request) -> Any:
            form = await request.form()
            if form.get("grant_type") == "refresh_token":
                refresh = str(form.get("refresh_token"))
                self.refreshed.append(refresh)
                if not refresh.startswith("x-refresh-"):
                    return JSONResponse({"error": "invalid_request"}, 400)
                name = refresh.removeprefix("x-refresh-") + "-2"
            else:
                code = str(form.get("code"))
                if not code.startswith("x-code-") or not form.get("code_verifier"):
                    return JSONResponse(
                        {"error": "invalid_request", "error_description": "bad code"}, 400
                    )
                name = code.removeprefix("x-code-")
            return {
                "token_type": "bearer",
                "access_token": f"x-access-{name}",
                "refresh_token": f"x-refresh-{name}",
                "expires_in": 7200,
                "scope": "tweet.read tweet.write users.read offline.access media.write",
            }

        return app

    def _new_upload(self, media_type: str, category: str) -> XUpload:
        media_id = str(next(self.ids))
        made = XUpload(media_id, media_type, category, expires_at=time.time() + self.media_lifetime)
        self.uploads[media_id] = made
        return made

    def _media_view(self, made: XUpload) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": made.id,
            "media_key": f"{3 if made.category == 'tweet_image' else 7}_{made.id}",
            "size": made.total_bytes,
            "expires_after_secs": max(int(made.expires_at - time.time()), 0),
        }
        if made.category != "tweet_image":
            view["processing_info"] = {"state": made.state, "check_after_secs": 0}
            if made.state == "failed":
                view["processing_info"]["error"] = {
                    "code": 1,
                    "name": "InvalidMedia",
                    "message": "Unsupported video format",
                }
            elif made.state in ("pending", "in_progress"):
                view["processing_info"]["progress_percent"] = 50
        return view

    def _media_refusal(self, media_ids: list[str]) -> Scripted | None:
        """X's answer to a post whose media it does not have ready, else None."""
        if not media_ids:
            return None
        made = [self.uploads.get(i) for i in media_ids]
        if any(m is None or m.expires_at < time.time() for m in made):
            return x_problem(400, "Invalid Request", "Your media IDs are invalid.")
        ready = [m for m in made if m is not None]
        if any(m.state != "succeeded" for m in ready):
            return x_problem(400, "Invalid Request", "Your media is still being processed.")
        videos = sum(1 for m in ready if m.category != "tweet_image")
        if len(ready) > 4 or (videos and len(ready) > 1):
            return x_problem(400, "Invalid Request", "Up to 4 images or 1 video, not mixed.")
        return None

    def expire_uploads(self) -> None:
        """Every upload so far reaches its `expires_after_secs`."""
        for made in self.uploads.values():
            made.expires_at = time.time() - 1

    def received(self, media_id: str) -> bytes:
        """The bytes X has for `media_id`."""
        return self.uploads[media_id].data


# --- LINE --------------------------------------------------------------------------------------


def _line_refusals(messages: Any) -> list[dict[str, str]]:
    """What LINE's validation says of a broadcast's messages (1 to 5; text with `text`, image
    with both URLs, flex with `altText` of at most 400 characters and a bubble), in its
    `details` shape (developers.line.biz/en/reference/messaging-api/#error-responses)."""
    if not isinstance(messages, list) or not 1 <= len(messages) <= 5:
        return [{"message": "Size must be between 1 and 5", "property": "messages"}]
    needs = {
        "text": ("text",),
        "image": ("originalContentUrl", "previewImageUrl"),
        "flex": ("altText", "contents"),
    }
    found = []
    for i, message in enumerate(messages):
        kind = message.get("type")
        if kind not in needs:
            found.append({"message": "Invalid message type", "property": f"messages[{i}].type"})
            continue
        for name in needs[kind]:
            if not message.get(name):
                found.append({"message": "must be specified", "property": f"messages[{i}].{name}"})
        if kind == "flex" and len(str(message.get("altText", ""))) > 400:
            found.append(
                {
                    "message": "Length must be between 0 and 400",
                    "property": f"messages[{i}].altText",
                }
            )
    return found


class FakeLine:
    """Messaging API: bot info, broadcast where a repeated `X-Line-Retry-Key` answers 409 and
    invalid messages 400 with LINE's `details`, the month's quota and consumption, follower
    insight (reference 4.5). LINE's servers read a message's images when friends open it; the
    fake reads them at once (`images`: URL -> bytes, None when unreadable), so a test sees what
    friends would."""

    def __init__(
        self,
        followers: int = FOLLOWERS["line"],
        blocks: int = 20,
        quota: int | None = 200,
        newest_day_unready: bool = False,
    ) -> None:
        self.broadcasts: list[dict[str, Any]] = []
        self.images: dict[str, bytes | None] = {}
        self.keys: dict[str, str] = {}
        self.hang_after_accept = False
        self.followers, self.blocks, self.quota = followers, blocks, quota
        self.used = 0  # messages sent this month before the test's broadcasts
        self.newest_day_unready = newest_day_unready
        self.insight_dates: list[str] = []
        self.replies: list[dict[str, Any]] = []  # answers with a reply token
        self.pushes: list[dict[str, Any]] = []  # answers pushed to one user
        self.expired_tokens: set[str] = set()  # tokens answered 400 as LINE does when late
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v2/bot/message/reply")
        async def reply(request: Request) -> Any:
            """A reply token works once, shortly after its event (reference inbox 5)."""
            body = await request.json()
            token = str(body.get("replyToken") or "")
            used = {r["replyToken"] for r in self.replies}
            if not token or token in used or token in self.expired_tokens:
                return JSONResponse({"message": "Invalid reply token"}, 400)
            self.replies.append(body)
            return JSONResponse({}, headers={"x-line-request-id": f"req-r{len(self.replies)}"})

        @app.post("/v2/bot/message/push")
        async def push(request: Request) -> Any:
            """A push to one user, counted against the quota; a repeated retry key is 409."""
            key = request.headers.get("x-line-retry-key", "")
            if key in self.keys:
                return JSONResponse(
                    {"message": "The retry key is already accepted"},
                    409,
                    headers={"x-line-accepted-request-id": self.keys[key]},
                )
            body = await request.json()
            request_id = f"req-p{len(self.keys) + 1}"
            self.keys[key] = request_id
            self.pushes.append(body)
            self.used += 1
            return JSONResponse({}, headers={"x-line-request-id": request_id})

        @app.get("/v2/bot/info")
        async def info() -> Any:
            return {"userId": "Ub1", "basicId": "@takeo", "displayName": "Takeo City"}

        @app.get("/v2/bot/insight/followers")
        async def followers(date: str) -> Any:
            self.insight_dates.append(date)
            if self.newest_day_unready and len(self.insight_dates) == 1:  # still being counted
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
            return {"totalUsage": self.used + len(self.broadcasts)}

        @app.post("/v2/bot/message/broadcast")
        async def broadcast(request: Request) -> Any:
            key = request.headers.get("x-line-retry-key", "")
            if key in self.keys:
                return JSONResponse(
                    {"message": "The retry key is already accepted"},
                    409,
                    headers={"x-line-accepted-request-id": self.keys[key]},
                )
            body = await request.json()
            refusals = _line_refusals(body.get("messages"))
            if refusals:
                words = f"The request body has {len(refusals)} error(s)"
                return JSONResponse({"message": words, "details": refusals}, 400)
            request_id = f"req-{len(self.keys) + 1}"
            self.keys[key] = request_id
            self.broadcasts.append(body)
            await self._read_images(body["messages"])
            while self.hang_after_accept:
                await asyncio.sleep(0.02)
            return JSONResponse({}, headers={"x-line-request-id": request_id})

        return app

    async def _read_images(self, messages: list[dict[str, Any]]) -> None:
        urls = [m.get("originalContentUrl") for m in messages if m.get("type") == "image"]
        urls += [m.get("previewImageUrl") for m in messages if m.get("type") == "image"]
        urls += [
            m["contents"].get("hero", {}).get("url") for m in messages if m.get("type") == "flex"
        ]
        async with httpx.AsyncClient(timeout=5) as http:
            for url in filter(None, urls):
                try:
                    fetched = await http.get(str(url))
                    self.images[str(url)] = fetched.content if fetched.is_success else None
                except httpx.HTTPError:
                    self.images[str(url)] = None


# --- Mastodon ----------------------------------------------------------------------------------


MASTODON_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif", "video/mp4", "video/webm")
MASTODON_IMAGE_LIMIT = 16 * 1024 * 1024


def mastodon_error(status: int, words: str) -> Scripted:
    """Mastodon's error body `{error}` (docs.joinmastodon.org/entities/Error)."""
    return Scripted(status, {"error": words})


class FakeMastodon:
    """One instance: app registration, the consent page and token exchange, the account and
    instance limits (docs.joinmastodon.org/methods/apps, /methods/oauth, /methods/instance; the
    consent page checks the client and that the redirect_uri is one the app registered, as the
    instance does), media uploads (`POST /api/v2/media`: 200 when processed at once, 202 with
    `url: null` while processing; `GET /api/v1/media/{id}`: 206 until processed, 422 when
    processing failed, 404 once cleaned up) and statuses with `media_ids[]` and
    `Idempotency-Key` (docs.joinmastodon.org/methods/media, /methods/statuses), with
    `X-RateLimit-*` headers (api/rate-limits)."""

    def __init__(self, username: str = "takeo") -> None:
        self.registrations: list[dict[str, str]] = []
        self.token_requests = 0
        # What POST /api/v1/statuses answers instead of posting: (status, body, content type).
        self.status_answer: tuple[int, str, str] | None = None
        self.statuses: list[dict[str, Any]] = []
        self.keys: dict[str, dict[str, Any]] = {}  # Idempotency-Key -> the status it made
        self.media: dict[str, dict[str, Any]] = {}  # attachment id -> file, description, state
        self.uploads = 0  # POST /api/v2/media calls
        self.upload_script: list[Scripted] = []
        self.process_later = False  # uploads answer 202 and stay processing for a read
        self.fail_processing = False  # processing ends in failure (read answers 422)
        self.ids = itertools.count(110_000_000_000_000_001)
        self.username = username
        self.account_id = "109"  # the town's account (`verify_credentials`)
        # The inbox: mention notifications (`mention`) and every read of them (its query),
        # answered instead by `notification_script` first; citizens' statuses by id.
        self.notifications: list[dict[str, Any]] = []
        self.notification_ids = itertools.count(34_975_861)
        self.notification_reads: list[list[tuple[str, str]]] = []
        self.notification_read_times: list[float] = []
        self.notification_script: list[Scripted] = []
        self.citizen_statuses: dict[str, dict[str, Any]] = {}
        self.hang_after_status = False  # take the status, then never answer
        self.app = self._build()

    def mention(
        self,
        author: tuple[str, str],
        text: str,
        *,
        in_reply_to: str | None = None,
        visibility: str = "public",
    ) -> dict[str, Any]:
        """A citizen's status naming the town, as its `mention` notification shows it."""
        account_id, acct = author
        account = {"id": account_id, "username": acct.split("@")[0], "acct": acct}
        mention = (
            f'<span class="h-card"><a href="https://mastodon.test/@{self.username}"'
            f' class="u-url mention">@<span>{self.username}</span></a></span>'
        )
        now = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
        status_id = str(next(self.ids))
        status: dict[str, Any] = {
            "id": status_id,
            "created_at": now,
            "in_reply_to_id": in_reply_to,
            "in_reply_to_account_id": self.account_id if in_reply_to else None,
            "visibility": visibility,
            "content": f"<p>{mention} {html.escape(text)}</p>",
            "account": account,
            "mentions": [{"id": self.account_id, "username": self.username}],
        }
        self.citizen_statuses[status_id] = status
        notification = {
            "id": str(next(self.notification_ids)),
            "type": "mention",
            "created_at": now,
            "account": account,
            "status": status,
        }
        self.notifications.append(notification)
        return notification

    def _town_status(self, made: dict[str, Any]) -> dict[str, Any]:
        """A status the town posted, as the API shows it (its text rendered as HTML)."""
        account = {"id": self.account_id, "username": self.username, "acct": self.username}
        return {
            **{k: v for k, v in made.items() if k != "media_ids"},
            "content": f"<p>{html.escape(str(made['content']))}</p>",
            "account": account,
        }

    def _descendants(self, status_id: str) -> list[dict[str, Any]]:
        every = [*self.citizen_statuses.values(), *map(self._town_status, self.statuses)]
        below, found = {status_id}, []
        for status in sorted(every, key=lambda s: int(s["id"])):
            if status.get("in_reply_to_id") in below:
                below.add(status["id"])
                found.append(status)
        return found

    def _notifications_page(self, query: list[tuple[str, str]]) -> Any:
        """One page, newest first: `types[]`, `since_id`, `max_id`, `limit` (default 40, max
        80), with `X-RateLimit-*` (docs.joinmastodon.org/methods/notifications, rate-limits)."""
        now = time.time()
        window = [t for t in self.notification_read_times if t > now - 300]
        reset = min(window, default=now) + 300
        headers = {
            "x-ratelimit-limit": "300",
            "x-ratelimit-remaining": str(max(300 - len(window), 0)),
            "x-ratelimit-reset": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(reset)),
        }
        params = dict(query)
        types = [v for k, v in query if k == "types[]"]
        size = min(int(params.get("limit") or 40), 80)
        since, below = int(params.get("since_id") or 0), int(params.get("max_id") or 0)
        found = [
            n
            for n in sorted(self.notifications, key=lambda n: -int(n["id"]))
            if (not types or n["type"] in types)
            and int(n["id"]) > since
            and (not below or int(n["id"]) < below)
        ]
        return JSONResponse(found[:size], headers=headers)

    def cleanup(self) -> None:
        """The instance removes every attachment not attached to a status."""
        attached = {i for s in self.statuses for i in s["media_ids"]}
        self.media = {k: v for k, v in self.media.items() if k in attached}

    def _attachment(self, media_id: str) -> dict[str, Any]:
        made = self.media[media_id]
        ready = made["state"] == "processed"
        kind = "video" if str(made["content_type"]).startswith("video") else "image"
        return {
            "id": media_id,
            "type": kind,
            "url": f"https://mastodon.test/media/{media_id}" if ready else None,
            "preview_url": f"https://mastodon.test/media/{media_id}/small",
            "description": made["description"],
        }

    def _build(self) -> FastAPI:
        app = FastAPI()
        limit = {
            "x-ratelimit-limit": "300",
            "x-ratelimit-remaining": "299",
            "x-ratelimit-reset": "2030-01-01T00:00:00.000Z",
        }

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

        @app.get("/oauth/authorize", response_class=HTMLResponse)
        async def consent(
            client_id: str, redirect_uri: str, response_type: str = "code", state: str = ""
        ) -> Response:
            registered = [r for r in self.registrations if r["client_id"] == client_id]
            if not registered or response_type != "code":
                return HTMLResponse("<p>Client authentication failed.</p>", 401)
            if redirect_uri not in registered[0]["redirect_uri"].split():
                return HTMLResponse("<p>The redirect uri included is not valid.</p>", 400)
            return HTMLResponse(_consent_page("/oauth/authorize", redirect_uri, state, ""))

        @app.post("/oauth/authorize")
        async def allow(redirect_uri: str = Form(), state: str = Form("")) -> Response:
            return _back(redirect_uri, {"code": "m-code", "state": state})

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
            return {"id": "109", "username": self.username, "acct": self.username}

        @app.get("/api/v2/instance")
        async def instance() -> Any:
            statuses = {
                "max_characters": 1000,
                "characters_reserved_per_url": 23,
                "max_media_attachments": 4,
            }
            media = {
                "supported_mime_types": list(MASTODON_TYPES),
                "image_size_limit": MASTODON_IMAGE_LIMIT,
                "image_matrix_limit": 16_777_216,
                "video_size_limit": 103_809_024,
                "video_frame_rate_limit": 120,
                "video_matrix_limit": 8_294_400,
                "description_limit": 1500,
            }
            configuration = {"statuses": statuses, "media_attachments": media}
            return {"domain": "mastodon.test", "configuration": configuration}

        @app.post("/api/v2/media")
        async def upload(request: Request) -> Any:
            form = await request.form()
            self.uploads += 1
            if self.upload_script:
                return _answer(self.upload_script.pop(0))
            part = form.get("file")
            data = await _bytes_of(part)
            kind = str(getattr(part, "content_type", "") or "")
            if kind not in MASTODON_TYPES:
                words = "Validation failed: File content type is invalid"
                return _answer(mastodon_error(422, words))
            if len(data) > MASTODON_IMAGE_LIMIT and kind.startswith("image"):
                words = "Validation failed: File file size must be less than 16 MB"
                return _answer(mastodon_error(422, words))
            media_id = str(next(self.ids))
            later = self.process_later or kind.startswith("video")
            self.media[media_id] = {
                "data": data,
                "content_type": kind,
                "description": str(form.get("description") or "") or None,
                "state": "processing" if later else "processed",
            }
            return JSONResponse(self._attachment(media_id), 202 if later else 200, headers=limit)

        @app.get("/api/v1/media/{media_id}")
        async def read_media(media_id: str) -> Any:
            made = self.media.get(media_id)
            if made is None:
                return _answer(mastodon_error(404, "Record not found"))
            if made["state"] == "processing":
                made["state"] = "failed" if self.fail_processing else "processed"
                return JSONResponse(self._attachment(media_id), 206, headers=limit)
            if made["state"] == "failed":
                words = "Error processing thumbnail for uploaded media"
                return _answer(mastodon_error(422, words))
            return JSONResponse(self._attachment(media_id), headers=limit)

        @app.post("/api/v1/statuses")
        async def status(request: Request) -> Any:
            if self.status_answer is not None:
                code, body, kind = self.status_answer
                media = "application/json" if kind == "json" else "text/html"
                return Response(body, code, media_type=media)
            key = request.headers.get("idempotency-key", "")
            if key and key in self.keys:
                return JSONResponse(self.keys[key], headers=limit)
            form = await request.form()
            media_ids = [str(v) for v in form.getlist("media_ids[]")]
            missing = [i for i in media_ids if i not in self.media]
            if missing:
                words = f"Validation failed: Media attachment not found: {', '.join(missing)}"
                return _answer(mastodon_error(422, words))
            if any(self.media[i]["state"] != "processed" for i in media_ids):
                return _answer(mastodon_error(422, "Validation failed: media not processed"))
            to = form.get("in_reply_to_id")
            known = str(to) in self.citizen_statuses or any(
                s["id"] == str(to) for s in self.statuses
            )
            if to and not known:
                return _answer(mastodon_error(404, "Record not found"))
            status_id = str(next(self.ids))
            made = {
                "id": status_id,
                "url": f"https://mastodon.test/@takeo/{status_id}",
                "content": str(form.get("status")),
                "language": form.get("language"),
                "media_attachments": [self._attachment(i) for i in media_ids],
                "in_reply_to_id": str(to) if to else None,
                "visibility": str(form.get("visibility") or "public"),
            }
            self.statuses.append({**made, "media_ids": media_ids})
            self.keys[key] = made
            while self.hang_after_status:  # until the test lets go; the caller is gone by then
                await asyncio.sleep(0.02)
            return JSONResponse(made, headers=limit)

        @app.get("/api/v1/notifications")
        async def notifications(request: Request) -> Any:
            query = list(request.query_params.multi_items())
            self.notification_reads.append(query)
            self.notification_read_times.append(time.time())
            if request.headers.get("authorization") != "Bearer m-user-token":
                return _answer(mastodon_error(401, "The access token is invalid"))
            if self.notification_script:
                return _answer(self.notification_script.pop(0))
            return self._notifications_page(query)

        @app.get("/api/v1/statuses/{status_id}/context")
        async def context(status_id: str) -> Any:
            known = status_id in self.citizen_statuses or any(
                s["id"] == status_id for s in self.statuses
            )
            if not known:
                return _answer(mastodon_error(404, "Record not found"))
            return JSONResponse(
                {"ancestors": [], "descendants": self._descendants(status_id)}, headers=limit
            )

        return app


# --- the town's own media ---------------------------------------------------------------------


class FakeMediaHost:
    """Public media URLs as the catalog serves them (`/v1/media/{id}/{rendition}`): a test puts
    bytes at a path, the platforms' uploads fetch them; every fetch is kept."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}
        self.fetched: list[str] = []
        self.app = self._build()

    def put(self, path: str, data: bytes, content_type: str = "image/jpeg") -> None:
        self.files["/" + path.lstrip("/")] = (data, content_type)

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/{path:path}")
        async def file(path: str) -> Any:
            self.fetched.append("/" + path)
            found = self.files.get("/" + path)
            if found is None:
                return JSONResponse({"detail": "not found"}, 404)
            return Response(found[0], media_type=found[1])

        return app


# --- stores ------------------------------------------------------------------------------------

SHOPIFY_TOKEN = "shpat_test_token"


class FakeShopify:
    """Admin REST products.json with the documented auth, pagination, 429 + Retry-After and
    X-Shopify-Shop-Api-Call-Limit headers (shopify.dev rate-limits page)."""

    def __init__(self) -> None:
        self.products: list[dict[str, Any]] = []
        self.throttle_next = 0  # answer this many calls with 429 first
        self.retry_after = "0.3"
        self.calls: list[float] = []
        self.app = self._build()

    def add(self, product_id: int, handle: str, variants: list[dict[str, Any]]) -> None:
        self.products.append({"id": product_id, "handle": handle, "variants": variants})

    def variant(self, variant_id: int) -> dict[str, Any]:
        for product in self.products:
            for variant in product["variants"]:
                if variant["id"] == variant_id:
                    found: dict[str, Any] = variant
                    return found
        raise KeyError(variant_id)

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/admin/api/{version}/products.json")
        async def products(
            request: Request,
            version: str,
            limit: int = 50,
            page_info: str | None = None,
            x_shopify_access_token: str = Header(default=""),
        ) -> JSONResponse:
            self.calls.append(time.monotonic())
            if x_shopify_access_token != SHOPIFY_TOKEN:
                return JSONResponse(
                    {"errors": "[API] Invalid API key or access token"}, status_code=401
                )
            if self.throttle_next:
                self.throttle_next -= 1
                return JSONResponse(
                    {"errors": "Exceeded 2 calls per second for api client."},
                    status_code=429,
                    headers={"Retry-After": self.retry_after},
                )
            start = int(page_info or 0)
            page = self.products[start : start + limit]
            headers = {"X-Shopify-Shop-Api-Call-Limit": f"{len(self.calls)}/40"}
            if start + limit < len(self.products):
                next_url = f"{request.url_for('products', version=version)}"
                headers["Link"] = (
                    f'<{next_url}?limit={limit}&page_info={start + limit}>; rel="next"'
                )
            return JSONResponse({"products": page}, headers=headers)

        return app


WOO_KEY, WOO_SECRET = "ck_test", "cs_test"


class FakeWooCommerce:
    """REST API v3 products and variations, Basic auth, per_page/page pagination with
    X-WP-Total / X-WP-TotalPages (woocommerce.github.io/woocommerce-rest-api-docs)."""

    def __init__(self) -> None:
        self.products: list[dict[str, Any]] = []
        self.variations: dict[int, list[dict[str, Any]]] = {}
        self.app = self._build()

    def _authorized(self, header: str) -> bool:
        expected = base64.b64encode(f"{WOO_KEY}:{WOO_SECRET}".encode()).decode()
        return header == f"Basic {expected}"

    def _page(self, rows: list[dict[str, Any]], per_page: int, page: int) -> JSONResponse:
        pages = max(1, -(-len(rows) // per_page))
        start = (page - 1) * per_page
        return JSONResponse(
            rows[start : start + per_page],
            headers={"X-WP-Total": str(len(rows)), "X-WP-TotalPages": str(pages)},
        )

    def _build(self) -> FastAPI:
        app = FastAPI()
        unauthorized = JSONResponse(
            {
                "code": "woocommerce_rest_cannot_view",
                "message": "Sorry, you cannot list resources.",
            },
            status_code=401,
        )

        @app.get("/wp-json/wc/v3/products")
        async def products(
            per_page: int = 10, page: int = 1, authorization: str = Header(default="")
        ) -> JSONResponse:
            if not self._authorized(authorization):
                return unauthorized
            return self._page(self.products, per_page, page)

        @app.get("/wp-json/wc/v3/products/{product_id}/variations")
        async def variations(
            product_id: int,
            per_page: int = 10,
            page: int = 1,
            authorization: str = Header(default=""),
        ) -> JSONResponse:
            if not self._authorized(authorization):
                return unauthorized
            return self._page(self.variations.get(product_id, []), per_page, page)

        return app


class FakeStorePages:
    """A generic store (Yahoo! Shopping) whose item pages answer 200; visits are kept."""

    def __init__(self) -> None:
        self.visits: list[str] = []
        self.app = self._build()

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/{path:path}")
        async def item(path: str, request: Request) -> Any:
            self.visits.append(str(request.url))
            return HTMLResponse(f"<h1>{path}</h1>")

        return app
