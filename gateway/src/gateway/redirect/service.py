"""The edge redirect's use cases: where a code leads (memory first, analytics on a miss), and
the click each request makes, queued for analytics."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from gateway.errors import LinkLookupUnavailable
from gateway.redirect.clicks import ClickQueue
from gateway.redirect.directory import EdgeLink, LinkDirectory
from gateway.upstream import ServiceCaller, Unavailable, gateway_itself

log = logging.getLogger(__name__)
ANALYTICS = "analytics"


class Edge:
    """The directory, the click queue, and the way to analytics, for one gateway process."""

    def __init__(self, directory: LinkDirectory, queue: ClickQueue, services: ServiceCaller):
        self.directory = directory
        self.queue = queue
        self.services = services
        self._pending: dict[str, asyncio.Future[EdgeLink | None]] = {}

    async def resolve(self, code: str) -> EdgeLink | None:
        """Where `code` leads, or None; LinkLookupUnavailable when analytics cannot say.
        Concurrent misses on one code share one lookup."""
        known, link = self.directory.get(code)
        if known:
            return link
        pending = self._pending.get(code)
        if pending is None:
            pending = asyncio.ensure_future(self._lookup(code))
            self._pending[code] = pending
            pending.add_done_callback(lambda _: self._pending.pop(code, None))
        link = await asyncio.shield(pending)
        return link

    async def _lookup(self, code: str) -> EdgeLink | None:
        answer = await self.services.call(
            ANALYTICS, "GET", f"/internal/v1/links/{code}", gateway_itself()
        )
        if isinstance(answer, Unavailable) and answer.status != 404:
            raise LinkLookupUnavailable("The redirect cannot look links up right now; retry.")
        link = None if isinstance(answer, Unavailable) else edge_link(answer)
        self.directory.put(code, link)
        return link

    def route(self, code: str, values: dict[str, Any] | None) -> None:
        """A routing event: `code` leads to `values` from now on, or nowhere (None)."""
        self.directory.put(code, edge_link(values) if values is not None else None)

    async def send_clicks(self, batch: list[dict[str, Any]]) -> bool:
        """Hand `batch` to analytics; True once it took them."""
        answer = await self.services.call(
            ANALYTICS, "POST", "/internal/v1/clicks", gateway_itself(), json={"clicks": batch}
        )
        return isinstance(answer, dict) and answer.get("accepted") == len(batch)


def edge_link(values: dict[str, Any]) -> EdgeLink:
    expires = values.get("expires_at")
    return EdgeLink(
        tenant_id=uuid.UUID(str(values["tenant_id"])),
        link_id=uuid.UUID(str(values["link_id"])),
        destination=str(values["destination"]),
        expires_at=datetime.fromisoformat(expires) if isinstance(expires, str) else expires,
        dimensions={str(k): str(v) for k, v in (values.get("dimensions") or {}).items()},
    )


def now() -> datetime:
    return datetime.now(UTC)
