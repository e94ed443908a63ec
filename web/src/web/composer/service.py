"""What the composer reads and writes: the product's photos, the API's preview of each channel
(the authoritative count and rules), and the post itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.posts import posts_create, posts_preview, posts_submit
from machi_client.models import (
    ChannelRead,
    PostCreate,
    PostCreateVariants,
    PostMedia,
    PostRead,
    PreviewRead,
    ProductRead,
)
from machi_client.types import Unset
from web.composer.schemas import PostForm
from web.gateway import ApiError, parsed
from web.rendering import text

LINK = "{link}"  # where a text wants its tracked link (else the API appends it)
SENT = "web"  # the rendition a post carries today (up to 1600 px, the photo's own shape)
# How each platform shows a photo in its feed, by the catalog's renditions: Instagram and Threads
# crop to 4:5 at most, Facebook and X show a wide 1.91:1 (about 16:9) frame, LINE and Mastodon
# the whole photo (reference social-publishing 4.x; catalog.media.images.RENDITIONS).
PLATFORM_PHOTO = {
    "instagram": "portrait",
    "threads": "portrait",
    "facebook_page": "landscape",
    "x": "landscape",
    "line": "web",
    "mastodon": "web",
    "sandbox": "web",
}
PLATFORM_NAMES = {
    "facebook_page": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "line": "LINE",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "sandbox": "Sandbox",
}
URL_WEIGHT = 23  # a link on X, and on Mastodon unless the instance says otherwise
LENGTH_PROBLEM = re.compile(r"^text counts \d+ on ")  # shown as the card's own counter instead


@dataclass(frozen=True)
class Photo:
    """One of a product's photos with its renditions' URLs."""

    media_id: str
    alt: str
    urls: dict[str, str]

    def shown_on(self, platform: str) -> str:
        """The rendition that looks like the photo in the platform's feed."""
        wanted = PLATFORM_PHOTO.get(platform, SENT)
        return self.urls.get(wanted) or self.urls.get(SENT) or next(iter(self.urls.values()), "")

    @property
    def thumbnail(self) -> str:
        return self.urls.get("thumbnail") or self.shown_on("sandbox")


@dataclass
class Card:
    """One channel's preview: the text as it goes out, counted by the platform's rules."""

    channel: ChannelRead
    text: str = ""
    length: int = 0
    limit: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def over(self) -> bool:
        return self.limit is not None and self.length > self.limit

    @property
    def platform_name(self) -> str:
        return PLATFORM_NAMES.get(self.channel.platform, self.channel.platform)

    @property
    def url_weight(self) -> int:
        """What a link counts for on the channel (Mastodon instances may say)."""
        config = self.channel.config.additional_properties
        weight = config.get("characters_reserved_per_url")
        return weight if isinstance(weight, int) else URL_WEIGHT


@dataclass
class Preview:
    """Every active channel's card, the link the post will carry, and whether it may go out."""

    cards: list[Card]
    link: str | None = None
    checked: bool = False  # the API answered (else the counts are the page's own)

    def chosen(self, channel_ids: list[str]) -> list[Card]:
        return [c for c in self.cards if str(c.channel.id) in channel_ids]

    def valid_for(self, channel_ids: list[str]) -> bool:
        """Whether the preview found nothing a chosen channel would refuse (unchecked: the API
        decides on submit)."""
        return not self.checked or all(
            not c.problems and not c.over for c in self.chosen(channel_ids)
        )


def photos(product: ProductRead | None) -> list[Photo]:
    """The product's photos, first the one the city page shows."""
    if product is None or isinstance(product.media, Unset):
        return []
    found = []
    for item in product.media:
        if isinstance(item.urls, Unset):
            continue
        alt = text(item.display_alt) if not isinstance(item.display_alt, Unset) else ""
        urls = {k: v for k, v in item.urls.additional_properties.items() if isinstance(v, str)}
        found.append(Photo(str(item.media_id), alt, urls))
    return found


def chosen_photo(form: PostForm, choices: list[Photo]) -> Photo | None:
    return next((p for p in choices if p.media_id == form.media_id), None)


def _body(
    form: PostForm,
    channel_ids: list[str],
    about: ProductRead | None,
    link: str | None,
    photo: Photo | None,
    text_of: dict[str, str] | None = None,
) -> PostCreate:
    variants = text_of if text_of is not None else form.chosen_variants()
    return PostCreate(
        text=form.text,
        channel_ids=[UUID(c) for c in channel_ids],
        variants=PostCreateVariants.from_dict(variants),
        product_id=about.id if about else None,
        url=link,
        media=[PostMedia(url=photo.urls[SENT])] if photo and SENT in photo.urls else [],
    )


async def _checked(
    api: AuthenticatedClient,
    form: PostForm,
    channel_ids: list[str],
    about: ProductRead | None,
    destination: str | None,
    photo: Photo | None,
) -> PreviewRead | None:
    """The API's preview of the form on `channel_ids`; None when it refuses to preview them."""
    if not channel_ids:
        return None
    text_of = {c: form.text_for(c) for c in channel_ids if form.text_for(c) != form.text}
    body = _body(form, channel_ids, about, destination, photo, text_of)
    try:
        return parsed(await posts_preview.asyncio_detailed(client=api, body=body), PreviewRead)
    except ApiError as exc:
        if exc.status not in (400, 403, 404, 422):
            raise
        return None


async def preview(
    api: AuthenticatedClient,
    form: PostForm,
    channels: list[ChannelRead],
    about: ProductRead | None,
    destination: str | None,
    photo: Photo | None,
) -> Preview:
    """Each channel's text as the API would send it, counted and checked by its platform's
    rules, and the tracked link it carries (`{link}` alone shows the link)."""
    cards = [Card(channel) for channel in channels]
    ids = [str(c.id) for c in channels]
    checked = await _checked(api, form, ids, about, destination, photo)
    if checked is None and set(form.channel_ids) < set(ids):
        # e.g. a staff member may post to their own channels only: ask about those alone
        checked = await _checked(api, form, form.channel_ids, about, destination, photo)
    if checked is None:
        return Preview(cards)  # the page counts alone; submitting asks the API again
    linked = await _checked(
        api, PostForm(text=LINK), [str(checked.channels[0].channel_id)], about, destination, None
    )
    by_channel = {str(c.channel_id): c for c in checked.channels}
    for card in cards:
        found = by_channel.get(str(card.channel.id))
        if found is None:
            continue
        card.text, card.length, card.limit = found.text, found.length, found.max_length
        card.problems = [p for p in found.problems if not LENGTH_PROBLEM.match(p)]
        if not form.text_for(str(card.channel.id)).strip() and not photo:
            card.problems = []  # nothing written yet: the form says so, not every card
    link = linked.channels[0].text if linked and linked.channels else ""
    return Preview(cards, link or None, checked=True)


async def create_post(
    api: AuthenticatedClient,
    form: PostForm,
    about: ProductRead | None,
    link: str | None,
    photo: Photo | None,
    timezone: str,
) -> PostRead:
    """The post, planned at the chosen time (none: now, so it goes out as soon as it is
    approved); unless it stays a draft, submitted: approval schedules it at that time, and a post
    no channel asks approval for is scheduled at once."""
    body = _body(form, form.channel_ids, about, link, photo)
    body.planned_at = form.moment(timezone) or datetime.now(UTC)
    post = parsed(await posts_create.asyncio_detailed(client=api, body=body), PostRead)
    if form.action == "draft":
        return post
    return parsed(await posts_submit.asyncio_detailed(post.id, client=api), PostRead)
