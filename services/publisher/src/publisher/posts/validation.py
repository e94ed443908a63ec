"""Each platform's rules applied to a post's text and media on one channel."""

from __future__ import annotations

from typing import Any

from publisher.platforms import registry
from publisher.platforms.base import Rules, hashtags, mentions
from publisher.platforms.media import VIDEO, kind_of


def problems(
    platform: str, config: dict[str, Any], text: str, media: list[dict[str, Any]]
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
    found.extend(_kind_problems(platform, rules, media))
    found.extend(_aspect_problems(rules.aspect_min, rules.aspect_max, media))
    return found


def _kind_problems(platform: str, rules: Rules, media: list[dict[str, Any]]) -> list[str]:
    """Videos over the platform's count, or videos mixed with images where it refuses that."""
    videos = sum(1 for item in media if kind_of(item) == VIDEO)
    found = []
    if rules.max_videos is not None and videos > rules.max_videos:
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
        if not width or not height:
            continue
        ratio = width / height
        if not low - 1e-3 <= ratio <= high + 1e-3:
            found.append(f"{item.get('url')}: aspect ratio {ratio:.2f} outside {low:.2f}-{high}")
    return found


def length(platform: str, config: dict[str, Any], text: str) -> tuple[int, int]:
    """(counted length, limit) of `text` on the platform."""
    rules = _rules(platform, config)
    return rules.count(text), rules.max_length


def _rules(platform: str, config: dict[str, Any]) -> Rules:
    return registry.get(platform).rules_for(config)
