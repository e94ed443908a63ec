"""Tracked-link mechanics shared by analytics, which makes links, and the gateway, which answers
`/r/{code}` at the edge: query parameters added to a destination, and the click id spliced in."""

from __future__ import annotations

import secrets
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

CLICK_ID_MARK = "zMachiClickIdz"  # URL-safe, survives urlencode unchanged


def with_params(url: str, params: dict[str, str]) -> str:
    """`url` with `params` added; parameters already in the URL win (the writer chose them)."""
    if not params:
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {k for k, _ in query}
    query += [(k, v) for k, v in params.items() if k not in present]
    return urlunsplit(parts._replace(query=urlencode(query)))


def new_click_id() -> str:
    """16 URL-safe characters (96 random bits): the id the store hands back with the order."""
    return secrets.token_urlsafe(12)


@lru_cache(maxsize=8192)
def _around_click_id(destination: str, param: str) -> tuple[str, str] | None:
    """The destination with the click id parameter, split where the id goes (parsed once per
    destination, not per click); None when the writer put `param` in the URL already."""
    marked = with_params(destination, {param: CLICK_ID_MARK})
    before, found, after = marked.partition(CLICK_ID_MARK)
    return (before, after) if found else None


def location(destination: str, param: str, click_id: str) -> str:
    """The store URL with the click id in `param` (`click_id` is URL-safe base64, so it needs
    no quoting)."""
    around = _around_click_id(destination, param)
    return destination if around is None else f"{around[0]}{click_id}{around[1]}"
