"""Platform facts the inbox relies on, as data, each row citing its source.

Sources: reference/inbox-platforms.md (sections 1, 2, 5, 7, 8) and the platforms' pages
re-checked for this module:
- Meta: https://developers.facebook.com/docs/graph-api/webhooks/getting-started/ (handshake,
  `X-Hub-Signature-256`, at-least-once delivery retried up to 36 h) and
  https://developers.facebook.com/docs/messenger-platform/webhook-reference (Messenger and
  Instagram DMs on the same mechanism, `entry[].messaging[]`).
- LINE: https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature (base64
  HMAC-SHA256 of the body with the channel secret), .../receiving-messages (process
  asynchronously), .../verify-webhook-url (the console's check posts `events: []`, answer 200),
  line/line-openapi webhook.yml (`webhookEventId`, `deliveryContext.isRedelivery`,
  `replyToken`, `mode`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Signature:
    header: str
    scheme: str
    key: str
    source: str


SIGNATURES = {
    "meta": Signature(
        "x-hub-signature-256",
        "'sha256=' + hex HMAC-SHA256(raw body); hashed as sent, never re-serialised",
        "the Meta app secret (the town's, else PUBLISHER_FACEBOOK_APP_SECRET)",
        "developers.facebook.com/docs/graph-api/webhooks/getting-started; reference 1, 7",
    ),
    "threads": Signature(
        "x-hub-signature-256",
        "as Meta's: not stated on the Threads webhooks page (U), assumed",
        "the Threads app secret (PUBLISHER_THREADS_APP_SECRET)",
        "developers.facebook.com/docs/threads/webhooks; reference 3, 7",
    ),
    "line": Signature(
        "x-line-signature",
        "base64 HMAC-SHA256(raw body)",
        "the Messaging API channel's channel secret",
        "developers.line.biz/en/docs/messaging-api/verify-webhook-signature; reference 5, 7",
    ),
}

# Meta's GET handshake when a callback URL is saved: answer `hub.challenge` as text when
# `hub.mode` is `subscribe` and `hub.verify_token` is ours, else 403 (reference 1, Handshake).
HANDSHAKE_MODE = "subscribe"


@dataclass(frozen=True)
class Dedup:
    event: str
    key: str
    source: str


# What makes two deliveries the same event (reference 8). Meta reuses a comment's id for its
# edit and removal, so the verb is part of the key; a DM deletion reuses the `mid`.
DEDUP = (
    Dedup("Facebook feed comment", "feed:{comment_id}:{verb}", "[M-WH] [M-PGREF]"),
    Dedup("Instagram comment", "comments:{id or comment_id}", "[IG-WH]"),
    Dedup("Instagram mention", "mentions:{comment_id or media_id}", "[IG-WH]"),
    Dedup("Messenger / Instagram DM", "message:{mid}[:deleted]", "[M-MWHOLD] [IG-WH]"),
    Dedup("LINE event", "{webhookEventId}, else message:{message.id}", "[L-OAS]"),
    Dedup("Threads reply", "threads:replies:{values.value.id}", "[TH-WH]"),
)


@dataclass(frozen=True)
class Window:
    what: str
    length: timedelta
    source: str


# Meta DMs: a standard reply within 24 h of the person's last message [M-POL][IG-OV]. LINE's
# reply token answers once, about a minute after the webhook (S) [S-QIITA][S-NEOS]; a bot saw
# it refused after some 30 s under load [S-COFACTS], so a reply is tried with it only while
# fresh and falls back to a push (counted against the monthly quota) after.
MESSAGING_WINDOW = Window("Messenger / Instagram standard reply", timedelta(hours=24), "[M-POL]")
LINE_REPLY_TOKEN = Window("LINE reply token", timedelta(seconds=60), "[S-QIITA] [S-COFACTS]")

# LINE events the inbox keeps; `mode: standby` events belong to another channel's module and
# are not answered [L-OAS].
LINE_EVENTS = frozenset({"message", "follow", "unsend"})
# Meta `feed` items that are citizens' comments ([M-PGREF]; verb values (U) in reference 1).
FEED_ITEMS = frozenset({"comment"})


# Which of the console's languages a citizen wrote in, told by the script of the words
# (code point ranges from the Unicode blocks, unicode.org/charts): kana is only Japanese,
# Hangul only Korean; ideographs alone are read as Japanese (the towns' own language; Chinese is
# not one of the console's); Latin letters alone as English. Nothing to tell by (a sticker, an
# emoji): no language, and a rule naming one does not match.
KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))  # hiragana, katakana, halfwidth
HANGUL = ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F))
IDEOGRAPHS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))
SCRIPTS = (("ja", KANA), ("ko", HANGUL), ("ja", IDEOGRAPHS))


def _in(character: str, blocks: tuple[tuple[int, int], ...]) -> bool:
    point = ord(character)
    return any(low <= point <= high for low, high in blocks)


def language_of(text: str) -> str | None:
    """`ja`, `ko`, `en` or None for a citizen's words, by their script (SCRIPTS)."""
    for language, blocks in SCRIPTS:
        if any(_in(c, blocks) for c in text):
            return language
    if any("a" <= c <= "z" for c in text.casefold()):
        return "en"
    return None
