"""The links page's rows: each tracked link with what it leads from (a post, the city page),
what it sells, where it goes and its clicks; a QR code of its short URL for posters."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import segno

from kit.csvout import write_csv
from machi_client import AuthenticatedClient
from machi_client.api.links import links_get, links_list
from machi_client.models import LinkRead, PageLinkRead
from machi_client.types import UNSET
from web.channels.service import PLATFORMS
from web.console import service as console
from web.gateway import parsed

PAGE = 100


@dataclass(frozen=True)
class Row:
    """One link as the page shows it."""

    id: str
    code: str
    short_url: str
    destination: str
    product: str
    source: str  # "city_page", a platform's name, or "" for a link made by hand
    post_id: str | None
    clicks: int
    created_at: datetime


def _source(link: LinkRead) -> str:
    if link.utm.additional_properties.get("utm_medium") == "city_page":
        return "city_page"
    platform = link.platform if isinstance(link.platform, str) else ""
    return PLATFORMS.get(platform, platform)


def short_url(link: LinkRead) -> str:
    """The link's `/r/{code}` address as the API gives it (always set on a read)."""
    return link.short_url if isinstance(link.short_url, str) else f"/r/{link.code}"


def _optional(value: object) -> str | None:
    return str(value) if isinstance(value, UUID | str) else None


async def page(
    api: AuthenticatedClient, language: str, cursor: str | None = None
) -> tuple[list[Row], str | None]:
    """A page of the town's links, newest first, and the cursor of the next one."""
    answer = await links_list.asyncio_detailed(client=api, limit=PAGE, cursor=cursor or UNSET)
    found = parsed(answer, PageLinkRead)
    names = await product_names(api, language)
    rows = [
        Row(
            id=str(link.id),
            code=link.code,
            short_url=short_url(link),
            destination=link.destination,
            product=names.get(str(link.product_id), "") if _optional(link.product_id) else "",
            source=_source(link),
            post_id=_optional(link.post_id),
            clicks=link.clicks if isinstance(link.clicks, int) else 0,
            created_at=link.created_at,
        )
        for link in found.items
    ]
    following = found.next_cursor if isinstance(found.next_cursor, str) else None
    return rows, following


async def product_names(api: AuthenticatedClient, language: str) -> dict[str, str]:
    """Product id -> name in `language`, for the town's products the caller may see."""
    return {str(p.id): console.product_name(p) for p in await console.products(api, language)}


async def link(api: AuthenticatedClient, link_id: UUID) -> LinkRead:
    return parsed(await links_get.asyncio_detailed(link_id, client=api), LinkRead)


def qr_svg(url: str, scale: int = 8) -> bytes:
    """The QR code of `url` as an SVG image (error correction M: it survives a crease), with a
    `viewBox` so it scales to any size it is shown or printed at, not clipped."""
    out = io.BytesIO()
    code = segno.make(url, error="m")
    code.save(out, kind="svg", scale=scale, border=2, title=url)
    side = code.symbol_size(scale=scale, border=2)[0]
    sized = f'width="{side}" height="{side}"'
    return out.getvalue().replace(
        sized.encode(), f'{sized} viewBox="0 0 {side} {side}"'.encode(), 1
    )


FIELDS = ("code", "short_url", "destination", "product", "source", "post_id", "clicks")


async def csv(api: AuthenticatedClient, language: str) -> str:
    """Every link with its clicks, as CSV for a spreadsheet (cells safe from formulas)."""
    found: list[dict[str, object]] = []
    cursor: str | None = None
    while True:
        rows, cursor = await page(api, language, cursor)
        found += [
            {**{f: getattr(r, f) for f in FIELDS}, "created_at": r.created_at.isoformat()}
            for r in rows
        ]
        if cursor is None:
            return write_csv(found, [*FIELDS, "created_at"])
