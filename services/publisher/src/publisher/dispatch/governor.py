"""The rate-limit governor every worker shares: blocked-until per app and per account bucket,
kept in Postgres and fed by the platforms' headers (Mixpost's model, reference section 0.5)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

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
        self._cache: dict[tuple[str, ...], tuple[float, datetime | None]] = {}

    async def blocked_until(self, keys: list[str]) -> datetime | None:
        """The time the buckets `keys` are blocked until, or None when calls may go."""
        if not keys:
            return None
        key = tuple(sorted(keys))
        cached = self._cache.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1] if cached[1] is None or cached[1] > datetime.now(UTC) else None
        async with self.db.transaction() as session:
            until = await repository.blocked_until(session, keys, datetime.now(UTC))
        self._cache[key] = (time.monotonic() + self.CACHE_SECONDS, until)
        return until

    async def observe(self, trace: Trace) -> None:
        """Blocks from reset headers; Meta usage over the slowdown threshold pauses the app.

        Only blocks are written: every worker would otherwise contend on the one app row per
        call (the headers themselves are kept with each attempt).
        """
        now = datetime.now(UTC)
        blocks = dict(trace.blocks)
        usages: dict[str, dict[str, Any]] = {}
        for key, usage in trace.usage.items():
            if float(usage.get("percent", 0)) >= self.slowdown_percent:
                minutes = max(float(usage.get("regain_minutes", 0)), 1.0)
                blocks[key] = now + timedelta(minutes=minutes)
                usages[key] = usage
        if not blocks:
            return
        self._cache.clear()
        async with self.db.transaction() as session:
            for key, until in blocks.items():
                await repository.record_bucket(
                    session, key, until=until, usage=usages.get(key, {}), now=now
                )
