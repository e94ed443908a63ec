"""The HTTP client adapters call platforms with.

One httpx pool slows down as it grows past a few dozen connections (every request scans the
pool), so the dispatcher spreads its calls over several small clients.
"""

from __future__ import annotations

import itertools
from typing import Any

import httpx

from kit import outbound
from kit.outbound import OutboundPolicy


class ClientPool:
    """`size` httpx clients of `connections` each, used in turn; with a `policy`, clients of
    user-supplied URLs (Mastodon instances), every connection guarded by `kit.outbound`."""

    def __init__(
        self, size: int, connections: int, timeout: float, policy: OutboundPolicy | None = None
    ) -> None:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self._clients = [
            httpx.AsyncClient(limits=limits, timeout=timeout)
            if policy is None
            else outbound.client(policy, timeout=timeout, limits=limits)
            for _ in range(size)
        ]
        self._turn = itertools.cycle(self._clients)

    @classmethod
    def for_concurrency(
        cls, concurrency: int, timeout: float, policy: OutboundPolicy | None = None
    ) -> ClientPool:
        return cls(max(1, -(-concurrency // 10)), 10, timeout, policy)

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        client: httpx.AsyncClient = next(self._turn)
        response: httpx.Response = await client.request(method, url, **kwargs)
        return response

    async def aclose(self) -> None:
        for client in self._clients:
            await client.aclose()


HttpClient = httpx.AsyncClient | ClientPool
