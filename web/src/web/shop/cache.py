"""The city page's rendered HTML, kept a few seconds per (host, path, language): a page read by
many visitors is drawn from the API and rendered once per period, not once per visitor. The JSON
behind it is the gateway's cached public pages, which the town's changes drop (catalog and
publisher events), so a page is at most `WEB_PAGE_CACHE_SECONDS` behind them."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from web import i18n
from web.routing import SHOP

Key = tuple[str, ...]


class PageCache:
    """A small LRU of rendered pages, each fresh for `seconds` (0: no cache)."""

    def __init__(self, seconds: float, max_entries: int = 2000) -> None:
        self.seconds = seconds
        self.max_entries = max_entries
        self.pages: OrderedDict[Key, tuple[float, bytes]] = OrderedDict()

    def fresh(self, key: Key) -> bytes | None:
        """The kept page of `key` while it is fresh."""
        found = self.pages.get(key)
        if found is None or time.monotonic() - found[0] >= self.seconds:
            return None
        return found[1]

    async def get(self, key: Key, render: Callable[[], Awaitable[bytes]]) -> bytes:
        """The page of `key`: the kept one while fresh, else `render()`'s, kept."""
        if self.seconds <= 0:
            return await render()
        now = time.monotonic()
        found = self.pages.get(key)
        if found is not None and now - found[0] < self.seconds:
            self.pages.move_to_end(key)
            return found[1]
        body = await render()
        self.pages[key] = (now, body)
        self.pages.move_to_end(key)
        while len(self.pages) > self.max_entries:
            self.pages.popitem(last=False)
        return body


class KeptPages:
    """Serves a fresh kept city page before the app's middleware and routing run, as the
    gateway's public pages are served from its cache: a hit costs about what a bare endpoint
    does. Everything else (a miss, the language switch, other paths) goes to the app, which
    renders and keeps the page under the same key."""

    def __init__(self, app: ASGIApp, cache: PageCache, headers: Mapping[str, str]) -> None:
        self.app = app
        self.cache = cache
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = self._kept(scope) if scope["type"] == "http" else None
        if body is None:
            await self.app(scope, receive, send)
            return
        headers = [*self.headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _kept(self, scope: Scope) -> bytes | None:
        path: str = scope["path"]
        if scope["method"] != "GET" or not SHOP.match(path) or b"lang=" in scope["query_string"]:
            return None
        headers = {k: v.decode("latin-1") for k, v in scope["headers"]}
        saved = cookie_parser(headers.get(b"cookie", "")).get(i18n.LANG_COOKIE)
        language = i18n.choose(None, saved, headers.get(b"accept-language"))
        return self.cache.fresh((headers.get(b"host", ""), path, language))
