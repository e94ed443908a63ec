"""Token buckets per API key, user and client IP: shared through Redis when `REDIS_URL` is set
(one atomic Lua script per take, so several gateway processes share each bucket), in-process
otherwise.

A bucket holds up to `capacity` tokens and refills `capacity` per `window_seconds`; each request
takes one. The state is advertised with the `RateLimit-Policy` and `RateLimit` fields of
draft-ietf-httpapi-ratelimit-headers-10 (https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/),
and a refusal is a 429 with `Retry-After` (RFC 9110 section 10.2.3).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kit.errors import ProblemError

POLICY = "default"
STATE_KEY = "rate_limit"  # request.state attribute the header middleware reads
MAX_MEMORY_BUCKETS = 100_000


class RateLimited(ProblemError):
    status = 429
    type = "rate-limited"
    title = "Too many requests"


@dataclass(frozen=True)
class Decision:
    """The outcome of one take, and what the response advertises."""

    allowed: bool
    capacity: int
    window_seconds: int
    remaining: int
    retry_after: int  # seconds until a token is back (0 when allowed)
    reset: int  # seconds until the bucket is full again

    def headers(self) -> list[tuple[str, str]]:
        """`RateLimit-Policy`, `RateLimit` and, on a refusal, `Retry-After`."""
        fields = [
            ("ratelimit-policy", f'"{POLICY}";q={self.capacity};w={self.window_seconds}'),
            ("ratelimit", f'"{POLICY}";r={self.remaining};t={self.reset}'),
        ]
        if not self.allowed:
            fields.append(("retry-after", str(max(1, self.retry_after))))
        return fields


class Buckets(Protocol):
    async def take(self, key: str, capacity: int, window_seconds: int) -> Decision: ...

    async def close(self) -> None: ...


def _decide(
    tokens: float, capacity: int, window_seconds: int, rate_per_second: float, allowed: bool
) -> Decision:
    return Decision(
        allowed=allowed,
        capacity=capacity,
        window_seconds=window_seconds,
        remaining=max(0, math.floor(tokens)),
        retry_after=0 if allowed else math.ceil((1 - tokens) / rate_per_second),
        reset=math.ceil((capacity - tokens) / rate_per_second),
    )


class MemoryBuckets:
    """Buckets in this process's memory: right for one gateway process. At `max_buckets` keys
    the least recently used bucket goes (a forgotten bucket refills, so this never refuses
    anyone, and a flood of new keys cannot reset the buckets of the keys being limited).
    `clock` gives seconds (tests stop it, so a bucket refills only when they say)."""

    def __init__(
        self,
        max_buckets: int = MAX_MEMORY_BUCKETS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_buckets = max_buckets
        self._clock = clock
        # key -> (tokens, monotonic time), least recently used first
        self._state: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, key: str, capacity: int, window_seconds: int) -> Decision:
        """Take one token from `key`'s bucket, if it has one."""
        rate = capacity / window_seconds
        now = self._clock()
        tokens, then = self._state.get(key, (float(capacity), now))
        tokens = min(float(capacity), tokens + (now - then) * rate)
        allowed = tokens >= 1
        if allowed:
            tokens -= 1
        self._state[key] = (tokens, now)
        self._state.move_to_end(key)
        while len(self._state) > self.max_buckets:
            self._state.popitem(last=False)
        return _decide(tokens, capacity, window_seconds, rate, allowed)

    async def close(self) -> None:
        self._state.clear()


# KEYS[1] the bucket; ARGV capacity, tokens per millisecond. Redis's own clock (TIME) is the
# one clock every gateway process shares. Returns allowed, tokens left (as a string: Lua
# numbers become integers on the way out).
TAKE_SCRIPT = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local then_ = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - then_) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate) + 1000)
return {allowed, tostring(tokens)}
"""


class RedisBuckets:
    """Buckets in Redis, shared by every gateway process; `prefix` namespaces the keys."""

    def __init__(self, url: str, *, prefix: str = "machi:rl:") -> None:
        from redis import asyncio as redis_asyncio

        self._redis: Any = redis_asyncio.from_url(url)
        self._script = self._redis.register_script(TAKE_SCRIPT)
        self.prefix = prefix

    async def take(self, key: str, capacity: int, window_seconds: int) -> Decision:
        """Take one token from `key`'s bucket atomically, if it has one."""
        rate_per_ms = capacity / (window_seconds * 1000)
        allowed, tokens = await self._script(
            keys=[f"{self.prefix}{key}"], args=[capacity, repr(rate_per_ms)]
        )
        return _decide(
            float(tokens), capacity, window_seconds, capacity / window_seconds, bool(allowed)
        )

    async def ping(self) -> None:
        await self._redis.ping()

    async def close(self) -> None:
        await self._redis.aclose()


def make_buckets(redis_url: str | None) -> Buckets:
    """Redis buckets when a URL is set, in-process ones otherwise."""
    return RedisBuckets(redis_url) if redis_url else MemoryBuckets()
