"""Device, OS and browser from a user agent: a small ordered rules table (first match wins)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# (pattern, value); order matters: in-app browsers and forks before the engines they embed.
BROWSERS: list[tuple[str, str]] = [
    (r" Line/", "LINE"),  # LINE in-app browser
    (r"FBAN|FBAV|FB_IAB", "Facebook"),  # Facebook in-app browser
    (r"Instagram", "Instagram"),
    (r"Edg(e|A|iOS)?/", "Edge"),
    (r"OPR/|Opera", "Opera"),
    (r"SamsungBrowser", "Samsung Internet"),
    (r"YaBrowser", "Yandex"),
    (r"Chrome/|CriOS/", "Chrome"),
    (r"Firefox/|FxiOS/", "Firefox"),
    (r"Version/[\d.]+.*Safari/|Mobile/\w+$", "Safari"),
]
SYSTEMS: list[tuple[str, str]] = [
    (r"iPhone|iPad|iPod", "iOS"),
    (r"Android", "Android"),
    (r"CrOS", "ChromeOS"),
    (r"Windows", "Windows"),
    (r"Macintosh|Mac OS X", "macOS"),
    (r"Linux", "Linux"),
]
DEVICES: list[tuple[str, str]] = [
    (r"iPad|Tablet|Android(?!.*Mobile)", "tablet"),
    (r"Mobi|iPhone|iPod|Android", "mobile"),
    (r"Windows|Macintosh|X11|CrOS|Linux", "desktop"),
]


def _compile(rules: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), v) for p, v in rules]


_BROWSERS, _SYSTEMS, _DEVICES = _compile(BROWSERS), _compile(SYSTEMS), _compile(DEVICES)


@dataclass(frozen=True)
class Agent:
    device: str | None
    os: str | None
    browser: str | None


def _first(rules: list[tuple[re.Pattern[str], str]], ua: str) -> str | None:
    return next((value for pattern, value in rules if pattern.search(ua)), None)


@lru_cache(maxsize=4096)  # a flush meets the same few user agents thousands of times
def parse(user_agent: str, *, bot: bool) -> Agent:
    """What a user agent says about the visitor's device, OS and browser."""
    device = "bot" if bot else _first(_DEVICES, user_agent)
    return Agent(
        device=device, os=_first(_SYSTEMS, user_agent), browser=_first(_BROWSERS, user_agent)
    )
