"""The bus contract both implementations (RabbitMQ, in-memory) honour.

At least once: `publish` returns only after the broker has taken responsibility for the message
(publisher confirm). A delivery is acknowledged only after its handler returned. A handler that
raises is retried after the configured delays, up to `max_attempts`; `PoisonMessage` skips the
retries. Either way the message then rests in the consumer's dead-letter queue, and others flow on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

EXCHANGE = "machi.events"


@dataclass(frozen=True)
class Message:
    """An outgoing event: its id (message_id), routing key (the event type) and JSON body."""

    id: str
    routing_key: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Delivery:
    """An incoming event as a handler sees it."""

    id: str
    routing_key: str
    body: bytes
    attempt: int
    headers: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[Delivery], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    delays_ms: tuple[int, ...] = (1_000, 10_000, 60_000)

    def delay_for(self, attempt: int) -> int:
        """Delay before attempt `attempt + 1` (the last step repeats)."""
        return self.delays_ms[min(attempt - 1, len(self.delays_ms) - 1)]


class Bus(Protocol):
    async def connect(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raise if the bus cannot take messages now."""

    async def publish(self, message: Message) -> None:
        """Return once the message is safely taken (confirmed); raise otherwise."""

    async def subscribe(self, consumer: str, patterns: Sequence[str], handler: Handler) -> None:
        """Declare the consumer's queue, bind it to `patterns` and start consuming."""

    async def broadcast(self, patterns: Sequence[str], handler: Handler) -> None:
        """Give this process its own copy of every event matching `patterns`, for as long as it
        runs: at most once, no retries, no dead letters. For per-process caches, whose handlers
        are idempotent and whose entries expire anyway when an event is missed."""

    async def dead_letters(self, consumer: str, limit: int = 100) -> list[Delivery]:
        """Look at (without removing) the messages in the consumer's dead-letter queue."""
        ...


def topic_matches(pattern: str, routing_key: str) -> bool:
    """AMQP topic matching: `*` is one word, `#` zero or more."""
    return _match(pattern.split("."), routing_key.split("."))


def _match(pattern: list[str], words: list[str]) -> bool:
    if not pattern:
        return not words
    head, rest = pattern[0], pattern[1:]
    if head == "#":
        return any(_match(rest, words[i:]) for i in range(len(words) + 1))
    if not words:
        return False
    return (head in ("*", words[0])) and _match(rest, words[1:])
