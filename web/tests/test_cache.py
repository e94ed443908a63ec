"""The city page's rendered-HTML cache."""

from __future__ import annotations

from web.shop.cache import PageCache


async def test_a_kept_page_is_served_until_it_is_stale() -> None:
    cache = PageCache(seconds=60)
    renders: list[int] = []

    async def render() -> bytes:
        renders.append(1)
        return f"page {len(renders)}".encode()

    assert await cache.get(("h", "/takeo/shop", "ja"), render) == b"page 1"
    assert await cache.get(("h", "/takeo/shop", "ja"), render) == b"page 1"
    assert await cache.get(("h", "/takeo/shop", "ko"), render) == b"page 2"
    cache.seconds = 0
    assert await cache.get(("h", "/takeo/shop", "ja"), render) == b"page 3"
