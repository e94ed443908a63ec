"""Each platform's rules applied to a post's text and media on one channel: length, hashtags,
mentions, media counts, types, mixing, aspect and sizes, on the photos as they will be sent
(the platform's rendition, or the writer's choice for the post). The rules themselves are data
next to each adapter (`publisher.platforms.*.rules`), each row citing its source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from publisher.platforms import registry
from publisher.platforms.base import MediaItem, Rules, hashtags, mentions
from publisher.platforms.media import IMAGE, VIDEO, chosen, kind_of


def problems(
    platform: str,
    config: dict[str, Any],
    text: str,
    media: list[dict[str, Any]],
    renditions: Mapping[str, str] | None = None,
) -> list[str]:
    """What breaks the platform's rules (empty when the post may go out)."""
    rules = _rules(platform, config)
    found: list[str] = []
    length = rules.count(text)
    if length > rules.max_length:
        found.append(f"text counts {length} on {platform}, over its limit of {rules.max_length}")
    if not text.strip() and not media:
        found.append("a post needs text or media")
    if rules.max_hashtags is not None and hashtags(text) > rules.max_hashtags:
        found.append(f"more than {rules.max_hashtags} hashtags")
    if rules.max_mentions is not None and mentions(text) > rules.max_mentions:
        found.append(f"more than {rules.max_mentions} mentions")
    if len(media) < rules.min_media:
        found.append(f"{platform} needs at least {rules.min_media} image")
    if rules.max_media is not None and len(media) > rules.max_media:
        found.append(f"{platform} takes at most {rules.max_media} media")
    choice = (renditions or {}).get(platform)
    found.extend(rendition_problems(platform, rules, choice))
    sent = as_sent(media, choice or rules.rendition)
    found.extend(_kind_problems(platform, rules, sent))
    found.extend(_aspect_problems(rules.aspect_min, rules.aspect_max, sent))
    found.extend(_size_problems(platform, rules, sent))
    return found


def rendition_problems(platform: str, rules: Rules, choice: str | None) -> list[str]:
    """A writer's rendition the platform's rules do not allow."""
    if choice is None or choice in rules.renditions:
        return []
    allowed = ", ".join(rules.renditions)
    return [f"{platform} takes the {allowed} rendition, not {choice}"]


def renditions_refused(renditions: Mapping[str, str]) -> list[str]:
    """Why a post's rendition choices cannot stand, whatever its channels (on create and edit)."""
    found = []
    for platform, choice in renditions.items():
        if platform not in registry.PLATFORMS:
            found.append(f"no platform called {platform}")
            continue
        found.extend(rendition_problems(platform, registry.get(platform).rules, choice))
    return found


def sent_media(
    platform: str, media: list[dict[str, Any]], renditions: Mapping[str, str] | None
) -> list[dict[str, Any]]:
    """The post's media as `platform` gets them (its rendition, or the writer's choice)."""
    choice = (renditions or {}).get(platform) or registry.get(platform).rules.rendition
    return as_sent(media, choice)


def as_sent(media: list[dict[str, Any]], rendition: str) -> list[dict[str, Any]]:
    """Each item as the platform will get it: catalog photos as `rendition`, with its sizes."""
    sent = []
    for item in media:
        width, height = item.get("width"), item.get("height")
        made = chosen(
            MediaItem(
                url=str(item.get("url", "")),
                kind=kind_of(item),
                width=int(width) if width else None,
                height=int(height) if height else None,
            ),
            rendition,
        )
        shown = {**item, "url": made.url, "width": made.width, "height": made.height}
        if made.url != item.get("url"):
            shown.pop("bytes", None)  # the size of another rendition than the one sent
        sent.append(shown)
    return sent


def _kind_problems(platform: str, rules: Rules, media: list[dict[str, Any]]) -> list[str]:
    """Videos over the platform's count, or videos mixed with images where it refuses that."""
    videos = sum(1 for item in media if kind_of(item) == VIDEO)
    found = []
    if rules.max_videos == 0 and videos:
        found.append(f"{platform} takes no video")
    elif rules.max_videos is not None and videos > rules.max_videos:
        found.append(f"{platform} takes at most {rules.max_videos} video")
    if not rules.mix_media and videos and videos < len(media):
        found.append(f"{platform} takes images or a video in one post, not both")
    return found


def _aspect_problems(
    low: float | None, high: float | None, media: list[dict[str, Any]]
) -> list[str]:
    if low is None or high is None:
        return []
    found = []
    for item in media:
        width, height = item.get("width"), item.get("height")
        if kind_of(item) != IMAGE or not width or not height:
            continue
        ratio = width / height
        if not low - 1e-3 <= ratio <= high + 1e-3:
            found.append(f"{item.get('url')}: aspect ratio {ratio:.2f} outside {low:.2f}-{high}")
    return found


def _size_problems(platform: str, rules: Rules, media: list[dict[str, Any]]) -> list[str]:
    """Files over the platform's size for their kind, where the post states their size."""
    found = []
    for item in media:
        size = item.get("bytes")
        limit = rules.video_max_bytes if kind_of(item) == VIDEO else rules.image_max_bytes
        if size and limit is not None and int(size) > limit:
            found.append(f"{item.get('url')}: {size} bytes, over {platform}'s {limit}")
    return found


def length(platform: str, config: dict[str, Any], text: str) -> tuple[int, int]:
    """(counted length, limit) of `text` on the platform."""
    rules = _rules(platform, config)
    return rules.count(text), rules.max_length


def _rules(platform: str, config: dict[str, Any]) -> Rules:
    return registry.get(platform).rules_for(config)
