"""The rate-limit governor every worker shares: blocked-until per app and per account bucket,
kept in Postgres and fed by the platforms' headers (Mixpost's model, reference section 0.5)
and by known quotas (`publisher.dispatch.quotas`).

Buckets are independent: a block on one account never holds another account's deliveries, and
a worker reads every bucket of a claimed batch in one query (`preload`), then decides per
delivery in memory.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database
from publisher.dispatch import repository
from publisher.platforms.base import Trace


class Governor:
    """Asks before a call whether its buckets are blocked; records what the answer said."""

    # How long one worker trusts what it last read (other workers' blocks show up after this).
    CACHE_SECONDS = 1.0

    def __init__(self, db: Database, slowdown_percent: int) -> None:
        self.db = db
        self.slowdown_percent = slowdown_percent
        self._blocks: dict[str, datetime] = {}
        self._read_at: dict[str, float] = {}

    def _stale(self, keys: list[str]) -> list[str]:
        now = time.monotonic()
        return [k for k in set(keys) if self._read_at.get(k, 0.0) + self.CACHE_SECONDS < now]

    async def preload(self, session: AsyncSession, keys: list[str]) -> None:
        """Read the buckets `keys` not read in the last second, in one query."""
        stale = self._stale(keys)
        if not stale:
            return
        now = datetime.now(UTC)
        found = await repository.blocks_of(session, stale, now)
        read_at = time.monotonic()
        for key in stale:
            self._read_at[key] = read_at
            # A block this worker observed may not be written yet: blocks only move later.
            known = [t for t in (found.get(key), self._blocks.get(key)) if t and t > now]
            if known:
                self._blocks[key] = max(known)
            else:
                self._blocks.pop(key, None)

    def held_until(self, keys: list[str]) -> datetime | None:
        """The latest block among `keys` still in force, from what was last read or observed."""
        now = datetime.now(UTC)
        blocks = [self._blocks[k] for k in keys if k in self._blocks and self._blocks[k] > now]
        return max(blocks) if blocks else None

    async def blocked_until(self, keys: list[str]) -> datetime | None:
        """The time the buckets `keys` are blocked until, or None when calls may go."""
        if not keys:
            return None
        if self._stale(keys):
            async with self.db.transaction() as session:
                await self.preload(session, keys)
        return self.held_until(keys)

    async def block(self, blocks: dict[str, datetime], usage: dict[str, Any] | None = None) -> None:
        """Record blocks for every worker; a block only ever moves later."""
        if not blocks:
            return
        now = datetime.now(UTC)
        for key, until in blocks.items():
            if until > self._blocks.get(key, now):
                self._blocks[key] = until
        async with self.db.transaction() as session:
            for key, until in blocks.items():
                await repository.record_bucket(
                    session, key, until=until, usage=(usage or {}).get(key, {}), now=now
                )

    async def observe(self, trace: Trace) -> None:
        """Blocks from reset headers; Meta usage over the slowdown threshold pauses the app.

        Only blocks are written: every worker would otherwise contend on the one app row per
        call (the headers themselves are kept with each attempt).
        """
        now = datetime.now(UTC)
        blocks = dict(trace.blocks)
        usages: dict[str, Any] = {}
        for key, usage in trace.usage.items():
            if float(usage.get("percent", 0)) >= self.slowdown_percent:
                minutes = max(float(usage.get("regain_minutes", 0)), 1.0)
                blocks[key] = now + timedelta(minutes=minutes)
                usages[key] = usage
        await self.block(blocks, usages)
