"""Group commit: writes from many concurrent callers committed together in one transaction.

Each caller waits until its own write is durable, but the database sees one transaction per
group instead of one per caller (the dispatcher's `committing` marks and outcomes, the event
consumers' inbox rows and effects). A group that fails is replayed item by item, each in a
transaction of its own, so one bad item never loses the others, and that item's caller gets the
item's own exception.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database

T = TypeVar("T")
R = TypeVar("R")

Apply = Callable[[AsyncSession, list[T]], Awaitable[list[R]]]


class GroupCommit(Generic[T, R]):
    """Collects items and applies them in one transaction at a time; `submit` waits for it."""

    def __init__(self, db: Database, apply: Apply[T, R], *, max_items: int = 500) -> None:
        self.db = db
        self.apply = apply
        self.max_items = max_items
        self._pending: list[tuple[T, asyncio.Future[R]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> R:
        """Queue `item`; return its result once the transaction holding it has committed."""
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_all())
        return await asyncio.shield(future)

    async def _flush_all(self) -> None:
        # One yield lets every task that is ready in this turn of the loop join the group.
        await asyncio.sleep(0)
        while self._pending:
            group, self._pending = self._pending[: self.max_items], self._pending[self.max_items :]
            await self._flush(group)

    async def _flush(self, group: list[tuple[T, asyncio.Future[R]]]) -> None:
        try:
            async with self.db.transaction() as session:
                results = await self.apply(session, [item for item, _ in group])
        except Exception as exc:
            if len(group) == 1:
                _, future = group[0]
                if not future.done():
                    future.set_exception(exc)
                return
            for one in group:  # find the bad item; the others still commit
                await self._flush([one])
            return
        for (_, future), result in zip(group, results, strict=True):
            if not future.done():
                future.set_result(result)
