"""Waiting for what happens elsewhere (a consumer, a relay, another process): poll until true.

One async variant for tests running in the event loop, one blocking variant for tests that drive
separate processes; both return the first truthy value, so a test can assert on what it waited for.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def eventually(
    check: Callable[[], Awaitable[T]],
    timeout: float = 15,
    what: str = "condition",
    interval: float = 0.05,
) -> T:
    """Await `check` until it returns something truthy; that value is returned."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout}s (last: {value!r})")
        await asyncio.sleep(interval)


def eventually_sync(
    check: Callable[[], T],
    timeout: float = 30,
    what: str = "condition",
    interval: float = 0.1,
) -> T:
    """Call `check` until it returns something truthy, blocking; that value is returned."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout}s (last: {value!r})")
        time.sleep(interval)
