"""What the media library pages read and write: the town's photos page by page, one photo with
its renditions, alt text and where it is used, and its alt text saved (each a typed-client call)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from starlette.datastructures import FormData

from machi_client import AuthenticatedClient
from machi_client.api.media import media_get, media_list, media_update
from machi_client.models import MediaDetail, MediaRead, MediaUpdate, MediaUpdateAlt, PageMediaRead
from machi_client.types import UNSET, Unset
from web.console.schemas import text_field
from web.gateway import parsed
from web.i18n import LANGUAGES, N_
from web.rendering import on_gateway

PAGE_SIZE = 24  # a grid of 2, 3 or 4 columns stays whole
ALT_MAX_CHARS = 1000  # the API's limit (X's, the least of the platforms')


@dataclass(frozen=True)
class Rendition:
    """A crop or size the catalog makes of every photo, and who uses it."""

    name: str
    label: str
    ratio: str


# The renditions the catalog makes on upload (catalog.media.images), in the order a writer
# checks them: how the photo looks on each platform.
RENDITIONS = (
    Rendition("portrait", N_("Instagram and Threads feed"), "4:5"),
    Rendition("landscape", N_("Facebook and X link cards, the city page"), "1.91:1"),
    Rendition("web", N_("Facebook, X, Mastodon and LINE posts: the whole photo"), "≤ 1600 px"),
    Rendition("thumbnail", N_("Lists and previews"), "≤ 320 px"),
)


@dataclass(frozen=True)
class Tile:
    """A photo in the library's grid."""

    id: str
    name: str
    alt: str
    thumbnail: str | None


@dataclass(frozen=True)
class Library:
    tiles: list[Tile]
    next_cursor: str | None


def _urls(media: MediaRead | MediaDetail, base: str) -> dict[str, str]:
    """Rendition URLs as the browser reaches them (`base`: WEB_PUBLIC_API_URL)."""
    urls = {} if isinstance(media.urls, Unset) else media.urls.additional_properties
    return {name: on_gateway(url, base) or url for name, url in urls.items()}


def alt_texts(media: MediaRead | MediaDetail) -> dict[str, str]:
    return {} if isinstance(media.alt, Unset) else dict(media.alt.additional_properties)


def alt_in(media: MediaRead | MediaDetail, language: str) -> str:
    """The photo's alt text in `language`, or nothing."""
    return alt_texts(media).get(language, "")


def name_of(media: MediaRead | MediaDetail) -> str:
    return media.filename if isinstance(media.filename, str) and media.filename else str(media.id)


async def library(
    api: AuthenticatedClient, language: str, base: str, q: str = "", cursor: str = ""
) -> Library:
    """One page of the town's photos, newest first, matching `q` (file name or alt text)."""
    answer = await media_list.asyncio_detailed(
        client=api, q=q or UNSET, cursor=cursor or UNSET, limit=PAGE_SIZE
    )
    page = parsed(answer, PageMediaRead)
    tiles = [
        Tile(str(m.id), name_of(m), alt_in(m, language), _urls(m, base).get("thumbnail"))
        for m in page.items
    ]
    next_cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
    return Library(tiles, next_cursor)


async def photo(api: AuthenticatedClient, media_id: UUID, language: str) -> tuple[MediaDetail, str]:
    """One photo with where it is used (names in `language`), and its version (ETag), which a
    save sends back as If-Match so a change made meanwhile is not overwritten."""
    answer = await media_get.asyncio_detailed(media_id, client=api, lang=language)
    return parsed(answer, MediaDetail), answer.headers.get("etag", "")


def renditions(media: MediaDetail, base: str) -> list[tuple[Rendition, str]]:
    """Each rendition the page previews, with its URL."""
    urls = _urls(media, base)
    return [(r, urls[r.name]) for r in RENDITIONS if r.name in urls]


def original_url(media: MediaDetail, base: str) -> str | None:
    return _urls(media, base).get("original")


@dataclass
class AltForm:
    """The alt text form: one text per language, side by side."""

    texts: dict[str, str]
    version: str = ""
    errors: dict[str, str] | None = None

    @classmethod
    def read(cls, form: FormData) -> AltForm:
        texts = {lang: text_field(form, f"alt_{lang}") for lang in LANGUAGES}
        errors = {
            lang: N_("At most 1000 characters.")
            for lang, text in texts.items()
            if len(text) > ALT_MAX_CHARS
        }
        return cls(texts, text_field(form, "version"), errors)


async def save_alt(
    api: AuthenticatedClient, media_id: UUID, form: AltForm, language: str
) -> MediaDetail:
    """Save the form's alt texts (an empty one removes that language's)."""
    body = MediaUpdate(alt=MediaUpdateAlt.from_dict(form.texts))
    answer = await media_update.asyncio_detailed(
        media_id, client=api, body=body, lang=language, if_match=form.version or UNSET
    )
    return parsed(answer, MediaDetail)
