"""A post's pictures and videos as adapters upload them: kind, alt text, rendition, bytes, and
upload ids kept with the delivery until they expire.

Media are catalog renditions at public URLs (`/v1/media/{id}/{rendition}`: original, thumbnail,
web, portrait 4:5, landscape 1.91:1). Platforms that take a URL (Meta) fetch it themselves; X
and Mastodon take the bytes, which the adapter downloads through the guarded client
(`kit.outbound`): a post's media URL is user input.
"""

from __future__ import annotations

import dataclasses
import io
import re
import time
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from PIL import Image, UnidentifiedImageError

from kit.outbound import ResponseTooLarge, UrlRefused
from publisher.platforms.base import NOT_SENT, PERMANENT, RETRY, MediaItem, PlatformError

if TYPE_CHECKING:
    from publisher.platforms.base import PublishRequest
    from publisher.platforms.http import HttpClient

__all__ = [
    "IMAGE",
    "RENDITIONS",
    "VIDEO",
    "Download",
    "MediaItem",
    "chosen",
    "drop",
    "fetch",
    "items",
    "keep",
    "reusable",
]

IMAGE, VIDEO = "image", "video"
VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm")
# The catalog's renditions of a photo (catalog.media.images): the upload itself, a thumbnail,
# at most 1,600 px a side, a 4:5 crop (1080x1350) and a 1.91:1 crop (1200x628).
RENDITIONS = ("original", "thumbnail", "web", "portrait", "landscape")
CROPS = {"portrait": (1080, 1350), "landscape": (1200, 628)}
RENDITION = re.compile(r"(/v1/media/[0-9a-fA-F-]{36}/)(original|thumbnail|web|portrait|landscape)$")
# Scripts that tell a post's language when nothing else does (posts carry no language).
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
# An upload id is not reused this close to its expiry: the publish call must find it alive.
EXPIRY_MARGIN_SECONDS = 600


class MediaTooLarge(PlatformError):
    """The file is larger than this service downloads (a smaller rendition may do)."""

    def __init__(self, message: str) -> None:
        super().__init__(PERMANENT, message)


@dataclass(frozen=True)
class Download:
    data: bytes
    content_type: str


def kind_of(item: Mapping[str, Any]) -> str:
    """`video` for an item that says so (`type`, `content_type`) or ends like one, else image."""
    declared = str(item.get("type") or item.get("content_type") or "")
    if declared.startswith("video") or declared == VIDEO:
        return VIDEO
    path = httpx.URL(str(item.get("url", ""))).path.lower()
    return VIDEO if path.endswith(VIDEO_SUFFIXES) else IMAGE


def language_of(text: str, fallback: str = "ja") -> str:
    """The post's language from its script: kana (or kanji alone) ja, hangul ko, else en."""
    if KANA.search(text):
        return "ja"
    if HANGUL.search(text):
        return "ko"
    if HAN.search(text):
        return "ja"
    return "en" if text.strip() else fallback


def alt_text(item: Mapping[str, Any], language: str) -> str:
    """The item's alt text in `language`: `alt` as catalog media carry it ({language: text}),
    else any language's, else a plain string; empty when it has none.

    Seam: a post's media (`PostMedia`) and the products read model carry no alt text yet; the
    catalog's events do (`contracts.catalog.Media.alt`). Whatever lands there is read here."""
    alt = item.get("alt")
    if isinstance(alt, Mapping):
        chosen = alt.get(language) or next((v for v in alt.values() if v), "")
        return str(chosen or "")
    return str(alt or "")


def items(media: Sequence[Mapping[str, Any]], language: str) -> list[MediaItem]:
    """A post's (or product's) media as the adapters take them."""
    made = []
    for item in media:
        width, height = item.get("width"), item.get("height")
        made.append(
            MediaItem(
                url=str(item["url"]),
                kind=kind_of(item),
                alt=alt_text(item, language),
                width=int(width) if width else None,
                height=int(height) if height else None,
            )
        )
    return made


def chosen(item: MediaItem, name: str) -> MediaItem:
    """The item as the rendition `name` of its catalog photo (the platform's choice, or the
    writer's for the post); videos and other URLs as they are. Sizes are kept only where they
    are known: the same rendition, or a crop's fixed ones."""
    if item.kind != IMAGE or RENDITION.search(item.url) is None or is_rendition(item.url, name):
        return item
    width, height = CROPS.get(name, (None, None))
    return dataclasses.replace(item, url=rendition(item.url, name), width=width, height=height)


def media_id_of(url: str) -> str | None:
    """The catalog media id in a rendition URL (`/v1/media/{id}/{rendition}`), else None."""
    found = RENDITION.search(url)
    return found.group(1).split("/")[-2].lower() if found else None


def with_catalog_alt(
    media: list[dict[str, Any]], pictures: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """A post's media, each without alt text of its own given the catalog's for the same
    picture (another rendition of a photo of the post's product)."""
    known = {media_id_of(str(p["url"])): p.get("alt") for p in pictures if p.get("alt")}
    known.pop(None, None)
    return [
        item
        if item.get("alt") or media_id_of(str(item.get("url", ""))) not in known
        else {**item, "alt": known[media_id_of(str(item["url"]))]}
        for item in media
    ]


def rendition(url: str, name: str) -> str:
    """The URL of another rendition of the same catalog media; other URLs as they are."""
    return RENDITION.sub(lambda m: f"{m.group(1)}{name}", url)


def is_rendition(url: str, name: str) -> bool:
    found = RENDITION.search(url)
    return found is not None and found.group(2) == name


async def fetch_image(http: HttpClient, url: str, max_bytes: int, fits: int) -> Download:
    """The image at `url` (the rendition chosen for the platform), else the catalog's web
    rendition of it (at most 1600 px a side) when it is over `fits` bytes or more than this
    service downloads."""
    web = rendition(url, "web")
    try:
        got = await fetch(http, url, max_bytes)
    except MediaTooLarge:
        if url == web:
            raise
        return await fetch(http, web, max_bytes)
    if len(got.data) > fits and url != web:
        return await fetch(http, web, max_bytes)
    return got


async def fetch(http: HttpClient, url: str, max_bytes: int) -> Download:
    """The bytes of one media URL through the guarded client; refusals and 4xx are permanent
    (the post names a file that cannot be had), transport faults and 5xx are retried."""
    try:
        response = await http.request("GET", url)
    except UrlRefused as exc:
        raise PlatformError(PERMANENT, f"media {url}: {exc.detail}") from exc
    except ResponseTooLarge as exc:
        raise MediaTooLarge(f"media {url} is larger than this service fetches") from exc
    except (httpx.TransportError, *NOT_SENT) as exc:
        raise PlatformError(RETRY, f"media {url}: {type(exc).__name__}") from exc
    if response.status_code >= 500:
        raise PlatformError(RETRY, f"media {url}: HTTP {response.status_code}")
    if not response.is_success:
        raise PlatformError(PERMANENT, f"media {url}: HTTP {response.status_code}")
    if len(response.content) > max_bytes:
        raise MediaTooLarge(f"media {url} is {len(response.content)} bytes, over {max_bytes}")
    kind = response.headers.get("content-type", "application/octet-stream").split(";")[0]
    return Download(response.content, kind.strip().lower())


def pixels(data: bytes) -> int | None:
    """Width times height of an image, read from its header only (nothing is decoded); None
    when the bytes are no image Pillow knows."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                return int(image.width * image.height)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        return None


# --- upload ids kept with the delivery ------------------------------------------------------


def reusable(request: PublishRequest, key: str, slot: str) -> dict[str, Any] | None:
    """The upload kept for `slot` under `key` in the delivery's prepared state (`id`, and what
    the adapter kept with it), unless it expires within the margin (then it is uploaded again)."""
    kept = (request.prepared.get(key) or {}).get(slot)
    if not isinstance(kept, Mapping) or not kept.get("id"):
        return None
    expires = kept.get("expires_at")
    if expires is not None and float(expires) < time.time() + EXPIRY_MARGIN_SECONDS:
        return None
    return dict(kept)


async def keep(
    request: PublishRequest,
    key: str,
    slot: str,
    upload_id: str,
    lifetime: float | None,
    **extra: Any,
) -> dict[str, Any]:
    """Remember an upload id for `slot` and persist it with the delivery at once, so a worker
    that dies before the publish call leaves it for the next attempt (no second upload)."""
    entry = {
        "id": upload_id,
        "expires_at": time.time() + lifetime if lifetime is not None else None,
        **extra,
    }
    kept = dict(request.prepared.get(key) or {})
    kept[slot] = entry
    request.prepared = {**request.prepared, key: kept}
    await request.save()
    return entry


async def drop(request: PublishRequest, key: str, slot: str) -> None:
    """Forget one kept upload (processing failed, or the platform lost it)."""
    kept = {k: v for k, v in (request.prepared.get(key) or {}).items() if k != slot}
    request.prepared = {**request.prepared, key: kept}
    await request.save()


async def forget(request: PublishRequest, key: str) -> None:
    """Drop every kept upload under `key` (the platform no longer knows them)."""
    if key in request.prepared:
        request.prepared = {k: v for k, v in request.prepared.items() if k != key}
        await request.save()
