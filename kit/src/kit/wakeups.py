"""Waking a sleeping worker when a commit gives it work: Postgres LISTEN/NOTIFY.

The writer calls `notify(session, channel)` in the transaction that creates the work; Postgres
delivers the notification at commit, never for a rolled-back transaction, to every connection
listening on the channel in that database (so every worker process hears it; who then does the
work is the worker's own business: a claim with SKIP LOCKED, a job's advisory lock). A process
keeps one `Wakeups` connection for all its channels; each of its sleepers has an `asyncio.Event`
set by a notification on its channel, and all of them are set when the connection is lost (a
notification sent meanwhile is lost too, so a lost connection means "look now"). Sleepers listen
again, clear their event, look for work, then wait on the event: a commit between the look and
the wait is not missed. https://www.postgresql.org/docs/current/sql-notify.html
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

import asyncpg
from sqlalchemy import ColumnElement, func, text
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database

log = logging.getLogger(__name__)

# The longest sleep of a worker that waits for a commit's NOTIFY: a safety net (a notification
# lost with a silently dead connection), not a schedule. An idle platform looks this often.
IDLE_SECONDS = 30.0

NOTIFY = text("SELECT pg_notify(:channel, '')")
_NOTIFIED_KEY = "wakeups_notified"


def due(session: AsyncSession, channel: str) -> bool:
    """True the first time a transaction of `session` asks for `channel` (it is then counted as
    notified): Postgres folds repeated notifications anyway, this saves their round trips."""
    transaction = session.get_transaction()
    of, channels = session.info.get(_NOTIFIED_KEY, (None, set[str]()))
    if of is not transaction:
        channels = set()
        session.info[_NOTIFIED_KEY] = (transaction, channels)
    if channel in channels:
        return False
    channels.add(channel)
    return True


def notification(channel: str) -> ColumnElement[None]:
    """`pg_notify(channel, '')` for a statement that is sent anyway to carry, in its RETURNING
    (once per row returned), when `due` says so: one round trip fewer than `notify`."""
    return func.pg_notify(channel, "")


async def notify(session: AsyncSession, channel: str) -> None:
    """Wake the listeners of `channel` when the session's transaction commits (once per
    transaction)."""
    if due(session, channel):
        await session.execute(NOTIFY, {"channel": channel})


class Wakeups:
    """One connection listening on `channels` of `db`'s database (again after it was lost)."""

    def __init__(self, db: Database, channels: Iterable[str]) -> None:
        self.db = db
        self._events: dict[str, list[asyncio.Event]] = {channel: [] for channel in channels}
        self._conn: asyncpg.Connection | None = None
        self._connecting = asyncio.Lock()

    def subscribe(self, channel: str) -> asyncio.Event:
        """A sleeper's own event, set by a NOTIFY on `channel` (one of those listened to) and
        when the connection is lost; the sleeper clears it."""
        event = asyncio.Event()
        self._events[channel].append(event)
        return event

    @property
    def listening(self) -> bool:
        return self._conn is not None and not self._conn.is_closed()

    async def listen(self) -> bool:
        """Have the connection listening (again, if it was lost); False when the database
        cannot be reached now (the caller polls meanwhile)."""
        async with self._connecting:
            if self.listening:
                return True
            await self.close()
            url = self.db.engine.url.set(drivername="postgresql")
            try:
                conn = await asyncpg.connect(url.render_as_string(hide_password=False))
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("cannot listen for wake-ups; polling", extra={"error": repr(exc)})
                return False
            try:
                for channel in self._events:
                    await conn.add_listener(channel, self._notified)
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("cannot listen for wake-ups; polling", extra={"error": repr(exc)})
                with contextlib.suppress(Exception):
                    await conn.close(timeout=2)
                return False
            conn.add_termination_listener(self._lost)
            self._conn = conn
            return True

    def _notified(self, _conn: object, _pid: int, channel: str, _payload: str) -> None:
        for event in self._events.get(channel, []):
            event.set()

    def _lost(self, *_: object) -> None:
        for events in self._events.values():
            for event in events:
                event.set()

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.close(timeout=2)


async def wait(event: asyncio.Event, seconds: float) -> None:
    """Until `event` is set, or `seconds`."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), max(0.0, seconds))
