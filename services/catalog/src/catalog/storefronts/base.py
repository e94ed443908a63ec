"""What every store adapter answers, and the one HTTP call path honouring store rate limits."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from catalog.errors import StoreUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreItem:
    """One sellable item as the store reports it."""

    external_id: str  # the store's variant id
    sku: str | None
    price_amount: int | None  # minor units
    currency: str
    stock: int | None  # None: the store does not count it
    url: str | None


@dataclass(frozen=True)
class CallPolicy:
    """How patient a sync is with one store."""

    max_retries: int
    max_retry_after_seconds: float
    timeout_seconds: float


class StoreAdapter(Protocol):
    async def fetch_items(self) -> list[StoreItem]:
        """Every item of the store with its current price and stock."""
        ...


def retry_after_seconds(response: httpx.Response, default: float) -> float:
    """Seconds a 429/503 asks to wait (RFC 9110 10.2.3; delta-seconds, possibly fractional)."""
    header = response.headers.get("retry-after")
    if header is None:
        return default
    try:
        return max(0.0, float(header))
    except ValueError:
        return default


async def call(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    policy: CallPolicy,
    *,
    after: Callable[[httpx.Response], float] | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """One store request: 429 waits Retry-After, 5xx backs off, then it gives up (502).

    `after` reads a successful response's rate-limit headers and returns seconds to pause
    before the next call (0 when the budget is fine).
    """
    for attempt in range(policy.max_retries + 1):
        try:
            response = await client.request(method, url, timeout=policy.timeout_seconds, **kwargs)
        except httpx.HTTPError as exc:
            if attempt == policy.max_retries:
                raise StoreUnavailable(f"{method} {url}: {type(exc).__name__}") from exc
            await asyncio.sleep(0.2 * 2**attempt)
            continue
        if response.status_code == 429 or response.status_code >= 500:
            wait = retry_after_seconds(response, 0.5 * 2**attempt)
            if attempt == policy.max_retries or wait > policy.max_retry_after_seconds:
                raise StoreUnavailable(
                    f"{method} {url} answered {response.status_code}", retry_after=wait
                )
            log.info("store asked to wait", extra={"url": url, "seconds": wait})
            await asyncio.sleep(wait)
            continue
        if not response.is_success:  # a redirect is not followed either (kit.outbound)
            raise StoreUnavailable(f"{method} {url} answered {response.status_code}")
        if after is not None:
            pause = after(response)
            if pause > 0:
                await asyncio.sleep(pause)
        return response
    raise StoreUnavailable(f"{method} {url}: no answer")  # the loop always returns or raises


def fill(template: str, **values: object) -> str:
    """`template` with each `{name}` replaced; unknown braces stay as they are."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
