"""Known publishing quotas the platforms enforce without telling us in headers, as data.

The governor learns blocks from answers; these quotas are counted before the call instead, from
the commits every worker recorded (`deliveries.commit_started_at`), so a full window holds the
account's deliveries until its oldest commit leaves the window. Instagram and Threads report
their own quota, read in the adapters' prepare phase (`content_publishing_limit`,
`threads_publishing_limit`); LINE's monthly message quota is checked before approval
(`publisher.posts.broadcast`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from publisher.dispatch import repository
from publisher.platforms import registry
from publisher.platforms.base import Quota

APP = "*"  # the key of an app-wide count

# Each platform's quotas live with its rules (`publisher.platforms.<name>.rules`).
QUOTAS = registry.quotas()


@dataclass
class Window:
    count: int
    oldest: datetime | None


class Counters:
    """Per worker: each quota's recent commits, read once a second at most, counted locally."""

    CACHE_SECONDS = 1.0

    def __init__(self, quotas: list[Quota] | None = None) -> None:
        self.quotas = QUOTAS if quotas is None else quotas
        self._windows: dict[tuple[int, str], Window] = {}
        self._read_at: dict[tuple[int, str], float] = {}

    def _keys(self, platform: str, account: str) -> list[tuple[int, str]]:
        return [
            (i, APP if q.per_app else account)
            for i, q in enumerate(self.quotas)
            if q.platform == platform
        ]

    async def preload(self, session: AsyncSession, accounts: list[tuple[str, str]]) -> None:
        """Read the windows of the batch's accounts that were not read in the last second."""
        now_mono = time.monotonic()
        stale: dict[int, set[str]] = {}
        for platform, account in set(accounts):
            for index, key in self._keys(platform, account):
                if self._read_at.get((index, key), 0.0) + self.CACHE_SECONDS < now_mono:
                    stale.setdefault(index, set()).add(key)
        now = datetime.now(UTC)
        for index, keys in stale.items():
            quota = self.quotas[index]
            found = await repository.recent_commits(
                session,
                platform=quota.platform,
                since=now - quota.window,
                accounts=None if quota.per_app else sorted(keys),
            )
            for key in keys:
                count, oldest = found.get(key, (0, None))
                self._windows[(index, key)] = Window(count, oldest)
                self._read_at[(index, key)] = now_mono

    def held_until(self, platform: str, account: str) -> datetime | None:
        """When the account may commit again, if one of its quotas is used up."""
        now = datetime.now(UTC)
        held: list[datetime] = []
        for index, key in self._keys(platform, account):
            window = self._windows.get((index, key))
            quota = self.quotas[index]
            if window is None or window.count < quota.limit:
                continue
            until = (window.oldest or now) + quota.window
            if until > now:
                held.append(until)
        return max(held) if held else None

    def spend(self, platform: str, account: str) -> None:
        """Count a commit about to be made."""
        for index, key in self._keys(platform, account):
            window = self._windows.setdefault((index, key), Window(0, None))
            window.count += 1
            window.oldest = window.oldest or datetime.now(UTC)
