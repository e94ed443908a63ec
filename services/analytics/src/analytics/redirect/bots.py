"""Link-preview fetchers and crawlers, as data. A click whose user agent matches a row is kept
but flagged with the row's reason (Shlink keeps `potential_bot`; Dub drops them)."""

from __future__ import annotations

import re
from functools import lru_cache

# (pattern, reason, source). Case-insensitive, searched anywhere in the user agent.
BOT_RULES: list[tuple[str, str, str]] = [
    ("facebookexternalhit", "facebook-preview", "Dub lib/middleware/utils/bots-list.ts; Meta docs"),
    ("meta-externalagent", "meta-crawler", "Dub bots-list.ts"),
    ("meta-externalfetcher", "meta-fetcher", "Dub bots-list.ts"),
    ("meta-webindexer", "meta-crawler", "Dub bots-list.ts"),
    ("facebookcatalog", "facebook-catalog", "Meta crawler docs"),
    ("twitterbot", "twitter-preview", "analytics-links.md section 0.3"),
    ("slackbot|slack-imgproxy", "slack-preview", "analytics-links.md section 0.3"),
    ("whatsapp", "whatsapp-preview", "analytics-links.md section 0.3"),
    ("line-poker|linespider|line-parts", "line-preview", "LINE link preview fetcher UA"),
    ("discordbot", "discord-preview", "Discord embed fetcher UA"),
    ("telegrambot", "telegram-preview", "Telegram link preview UA"),
    ("skypeuripreview", "skype-preview", "Skype/Teams link preview UA"),
    ("mastodon/|pleroma|misskey", "fediverse-preview", "fediverse link-preview fetchers"),
    ("bluesky|cardyb", "bluesky-preview", "Dub bots-list.ts"),
    (
        "googlebot|bingbot|yandex|baiduspider|duckduckbot|applebot",
        "search-crawler",
        "search engine crawlers",
    ),
    ("headlesschrome|phantomjs|puppeteer|playwright", "headless-browser", "Dub bots-list.ts"),
    (
        "curl/|wget/|python-|go-http-client|okhttp|node-fetch|axios/|java/",
        "http-library",
        "Dub bots-list.ts generic patterns",
    ),
    (r"bot\b|crawler|spider|preview", "generic-bot", "Dub bots-list.ts generic patterns"),
]

_COMPILED = [(re.compile(p, re.IGNORECASE), reason) for p, reason, _ in BOT_RULES]


@lru_cache(maxsize=4096)  # a flush meets the same few user agents thousands of times
def bot_reason(user_agent: str, *, head: bool) -> str | None:
    """Why this request is not a person, or None. HEAD is never a person (Dub #2309)."""
    if head:
        return "head-request"
    if not user_agent.strip():
        return "no-user-agent"
    for pattern, reason in _COMPILED:
        if pattern.search(user_agent):
            return reason
    return None
