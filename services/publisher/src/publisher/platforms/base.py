"""What every platform adapter shares: phases, error classes, counting, rate observations.

Phases (Postiz `post.workflow.v1.0.9.ts`, reference social-publishing.md section 0.2): prepare
(retryable), commit (the irreversible call, one attempt; a timeout is `OutcomeUnknown`), confirm
(read-only, retryable). Errors fall into retry, reauth, permanent, quota (section 4.7).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from kit.outbound import UrlRefused
from publisher.platforms.http import HttpClient

RETRY, REAUTH, PERMANENT, QUOTA = "retry", "reauth", "permanent", "quota"
# Failures before a request is on the wire (no connection, no free pool slot).
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
URL_PATTERN = re.compile(r"https?://[^\s]+")
HASHTAG_PATTERN = re.compile(r"(?:^|\s)[#\uff03][^\s#\uff03]+")  # also the full-width sign
MENTION_PATTERN = re.compile(r"(?:^|\s)@[\w.]+")
MAX_ERROR_WORDS = 500


@dataclass(frozen=True)
class Rules:
    """A platform's content rules; `count` gives the length the platform itself counts."""

    max_length: int
    count: Callable[[str], int]
    source: str
    max_hashtags: int | None = None
    max_mentions: int | None = None
    min_media: int = 0
    max_media: int | None = None
    aspect_min: float | None = None  # of images, width / height
    aspect_max: float | None = None
    max_videos: int | None = None  # at most this many videos in one post (0: none at all)
    mix_media: bool = True  # False: images or a video, never both in one post
    image_max_bytes: int | None = None
    video_max_bytes: int | None = None
    media_source: str = ""  # where the media rules come from
    # The catalog rendition of a photo sent when the writer chose none, and those a writer may
    # choose instead for a post (`publisher.platforms.media.RENDITIONS`).
    rendition: str = "original"
    renditions: tuple[str, ...] = ("original", "web", "portrait", "landscape")


@dataclass(frozen=True)
class ErrorRule:
    """One row of a platform's error map: what matches, which class it falls in, the source."""

    category: str
    source: str
    status: int | None = None
    code: str | None = None
    subcode: str | None = None
    message_contains: str | None = None

    def matches(self, status: int, code: str | None, subcode: str | None, message: str) -> bool:
        if self.status is not None and self.status != status:
            return False
        if self.code is not None and self.code != code:
            return False
        if self.subcode is not None and self.subcode != subcode:
            return False
        return self.message_contains is None or self.message_contains in message


def classify(
    table: list[ErrorRule], status: int, code: str | None, subcode: str | None, message: str
) -> str:
    """The class of an error: the first matching row, else 5xx retry and the rest permanent."""
    for rule in table:
        if rule.matches(status, code, subcode, message):
            return rule.category
    return RETRY if status >= 500 else PERMANENT


@dataclass
class Trace:
    """What the calls of one phase observed: last status and rate-limit headers, buckets."""

    http_status: int | None = None
    rate_headers: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, datetime] = field(default_factory=dict)
    usage: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MediaItem:
    """One picture or video of a delivery: where it is, what it is, its alt text
    (`publisher.platforms.media` makes them from a post's media)."""

    url: str
    kind: str = "image"  # or "video"
    alt: str = ""
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class ProductCard:
    """A product as a card (LINE's Flex message): in the post's language, its price as the town
    prints it, its photo and the delivery's tracked buy link (None: no link, no button)."""

    name: str
    price: str
    image_url: str | None
    link: str | None
    language: str = "ja"


async def _nowhere(prepared: dict[str, Any]) -> None:
    return None


@dataclass
class PublishRequest:
    """Everything an adapter needs for one delivery; credentials are decrypted, in memory only."""

    tenant_id: str
    delivery_id: str
    channel_id: str
    external_id: str
    credentials: dict[str, Any]
    config: dict[str, Any]
    text: str
    media_urls: list[str]
    idempotency_key: str
    fingerprint: str
    prepared: dict[str, Any] = field(default_factory=dict)
    trace: Trace = field(default_factory=Trace)
    media: list[MediaItem] = field(default_factory=list)
    language: str = "ja"
    card: ProductCard | None = None  # the product as a card, where the platform shows one
    # Persists `prepared` with the delivery at once (the dispatcher sets it): an upload made in
    # prepare is not lost when the worker dies before the publish call.
    saver: Callable[[dict[str, Any]], Awaitable[None]] = _nowhere

    async def save(self) -> None:
        await self.saver(self.prepared)


@dataclass(frozen=True)
class Published:
    platform_post_id: str
    permalink: str | None = None


@dataclass(frozen=True)
class RefreshRule:
    """How long before expiry a platform's token is refreshed, and why."""

    ahead: timedelta
    source: str


@dataclass(frozen=True)
class Quota:
    """At most `limit` commits per `window`, per account (or per app), on `platform`."""

    platform: str
    limit: int
    window: timedelta
    per_app: bool
    source: str


@dataclass(frozen=True)
class Refreshed:
    """Tokens from a refresh; a refresh token the platform did not resend is kept as it was."""

    credentials: dict[str, Any]
    expires_at: datetime | None


class PlatformError(Exception):
    """A definite answer from the platform that the call did not do what was asked."""

    def __init__(
        self,
        category: str,
        message: str,
        *,
        http_status: int | None = None,
        code: str | None = None,
        subcode: str | None = None,
        retry_at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.category = category
        self.message = message
        self.http_status = http_status
        self.code = code
        self.subcode = subcode
        self.retry_at = retry_at


class OutcomeUnknown(Exception):
    """The commit call got no answer (timeout, connection lost): it may have been published."""


def fingerprint(text: str) -> str:
    """A stable hash of the text as published, to find the post again on the platform."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode()).hexdigest()[:32]


def code_points(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def count_urls_as(weight: int, text: str, rest: Callable[[str], int]) -> int:
    """Length where every URL counts `weight` and the remaining text counts by `rest`."""
    urls = URL_PATTERN.findall(text)
    return rest(URL_PATTERN.sub("", text)) + weight * len(urls)


def is_emoji(char: str) -> bool:
    cp = ord(char)
    return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x1F900 <= cp <= 0x1F9FF


def hashtags(text: str) -> int:
    return len(HASHTAG_PATTERN.findall(text))


def mentions(text: str) -> int:
    return len(MENTION_PATTERN.findall(text))


def epoch_to_datetime(value: str | None) -> datetime | None:
    """A Unix-seconds header (X, Mastodon may also send ISO 8601) as an aware datetime."""
    if not value:
        return None
    try:
        return datetime.fromtimestamp(float(value), UTC)
    except ValueError:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The response's JSON object, or {} when its body is none."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def error_words(response: httpx.Response, value: object) -> str:
    """The platform's error text from a known JSON field (`value`), capped, else the HTTP
    status: a response's raw body is never kept (delivery attempts are readable by every role,
    and a body may be anything the remote chose to send)."""
    if isinstance(value, str) and value.strip():
        return value[:MAX_ERROR_WORDS]
    return f"HTTP {response.status_code}"


def in_minutes(minutes: float) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


class Adapter:
    """Base of the platform adapters: HTTP with phase-aware failure handling."""

    platform: str = ""
    rules: Rules
    errors: list[ErrorRule] = []
    rate_headers: tuple[str, ...] = ()
    # LINE and Mastodon dedupe a repeated commit with the same key: resending is safe.
    idempotent_commit: bool = False

    def __init__(self, http: HttpClient, base_url: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        # Downloads a post's media (user-supplied URLs): the guarded client (`kit.outbound`),
        # set by the registry; adapters that upload bytes need it.
        self.media_http: HttpClient = http
        self.media_max_bytes = 64 * 1024 * 1024

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        """Upload media or create containers; retryable. Returns what commit needs."""
        return {}

    async def commit(self, request: PublishRequest) -> Published:
        """The irreversible publish call."""
        raise NotImplementedError

    async def confirm(self, request: PublishRequest, published: Published) -> Published:
        """Read-only check after commit (permalink); retryable."""
        return published

    async def lookup(self, request: PublishRequest) -> Published | None:
        """Find the delivery on the platform after an unknown outcome; None when absent."""
        return None

    async def refresh(self, request: PublishRequest) -> Refreshed | None:
        """New tokens before the stored ones expire; None where the platform has no refresh."""
        return None

    def rate_keys(self, request: PublishRequest) -> list[str]:
        """Governor buckets this delivery spends from: the app and the account."""
        return [f"{self.platform}:app", f"{self.platform}:account:{request.external_id}"]

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        """Record rate-limit headers (and, in subclasses, blocked buckets) in the trace."""
        for name in self.rate_headers:
            value = response.headers.get(name)
            if value is not None:
                request.trace.rate_headers[name] = value

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        """(code, subcode, message) of an error response (`error_words`, never the body)."""
        return None, None, error_words(response, None)

    def retry_at(self, response: httpx.Response) -> datetime | None:
        return None

    async def call(
        self,
        request: PublishRequest,
        method: str,
        path: str,
        *,
        phase: str,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """One HTTP call; a lost answer in `commit` is `OutcomeUnknown`, elsewhere a retry."""
        url = f"{(base_url or self.base_url).rstrip('/')}{path}"
        try:
            response = await self.http.request(method, url, **kwargs)
        except UrlRefused as exc:  # a channel's own instance URL aiming inside (kit.outbound)
            raise PlatformError(PERMANENT, exc.detail) from exc
        except NOT_SENT as exc:  # the request never left: retrying cannot double it
            raise PlatformError(RETRY, f"{type(exc).__name__}: {exc}") from exc
        except httpx.TransportError as exc:
            if phase == "commit":
                raise OutcomeUnknown(f"{type(exc).__name__} during commit") from exc
            raise PlatformError(RETRY, f"{type(exc).__name__}: {exc}") from exc
        request.trace.http_status = response.status_code
        self.observe_rate(request, response)
        if response.is_success:
            return response
        code, subcode, message = self.parse_error(response)
        category = classify(self.errors, response.status_code, code, subcode, message)
        raise PlatformError(
            category,
            message,
            http_status=response.status_code,
            code=code,
            subcode=subcode,
            retry_at=self.retry_at(response),
        )
