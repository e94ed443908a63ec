"""Scheduled jobs of the `worker` role: every N seconds, on one worker at a time.

Each run holds a Postgres advisory lock named after the job, so with several worker processes a
job never runs twice at once; a process that dies releases its lock with its connection. Jobs
connect as the service's `<service>_jobs` role (`ServiceRuntime.jobs_db`), which may claim work
across tenants (`execution_options(all_tenants=True)`) and handles each item in a transaction
scoped to its tenant. Only the job runner's transactions commit: job code never commits.

The runner of a service's jobs (`run_all`) takes their locks on one connection it keeps
(`JobLocks`, in autocommit) and keeps each lock it got between runs, while that connection
lives: a tick of an idle job costs no lock query at all, not a pool checkout, a ping and two
transactions, so a platform at rest stays quiet. Another worker takes a job over when this
one's connection ends (the process stopped or died, the database restarted), as before.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from kit.db import Database
from kit.observability import JOB_RUNS

log = logging.getLogger(__name__)

TRY_LOCK = text("SELECT pg_try_advisory_lock(hashtext(:k))")
UNLOCK = text("SELECT pg_advisory_unlock(hashtext(:k))")


@dataclass(frozen=True)
class Job:
    """`run` every `every_seconds`; `name` is unique within the service."""

    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]


class JobLocks:
    """Session advisory locks on one connection held for them (reconnected after a failure).

    Locks are per session and a session may take its own lock again, so one `JobLocks` serves
    jobs of different names; the same job never runs twice at once in one runner anyway. With
    `keep`, a lock taken stays taken (`unlock` does nothing) until the connection ends or
    `close`; `try_lock` then answers from memory while the connection is open."""

    def __init__(self, db: Database, *, keep: bool = False) -> None:
        self.db = db
        self.keep = keep
        self._conn: AsyncConnection | None = None
        self._held: set[str] = set()
        self._mutex = asyncio.Lock()

    async def _alive(self) -> bool:
        """Whether the lock connection is still open (no query: the driver saw it end)."""
        if self._conn is None or self._conn.closed or self._conn.invalidated:
            return False
        raw = await self._conn.get_raw_connection()
        driver = raw.driver_connection
        return driver is not None and not driver.is_closed()

    async def _connection(self) -> AsyncConnection:
        if self._conn is not None and await self._alive():
            return self._conn
        await self._drop()
        conn = await self.db.engine.connect()
        try:
            self._conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        except BaseException:
            await conn.close()
            raise
        return self._conn

    async def _scalar(self, statement: object, key: str) -> bool:
        async with self._mutex:
            conn = await self._connection()
            try:
                return bool((await conn.execute(statement, {"k": key})).scalar_one())  # type: ignore[call-overload]
            except BaseException:
                await self._drop()
                raise

    async def try_lock(self, key: str) -> bool:
        if key in self._held and await self._alive():
            return True
        locked = await self._scalar(TRY_LOCK, key)
        if locked and self.keep:
            self._held.add(key)
        return locked

    async def unlock(self, key: str) -> None:
        if not self.keep:
            await self._scalar(UNLOCK, key)

    async def _drop(self) -> None:
        self._held.clear()  # a session's locks end with it
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.invalidate()  # its locks go with the session
            except Exception:  # the connection is gone already
                log.debug("job lock connection dropped", exc_info=True)

    async def close(self) -> None:
        self._held.clear()
        conn, self._conn = self._conn, None
        if conn is not None:
            await conn.close()


async def run_once(db: Database, service: str, job: Job, locks: JobLocks | None = None) -> bool:
    """Run `job` if no other worker is running it; False when it was skipped. Without `locks`,
    the lock is taken on a connection of its own for this run."""
    own = locks is None
    held = JobLocks(db) if locks is None else locks
    key = f"{service}:{job.name}"
    try:
        if not await held.try_lock(key):
            return False
        try:
            await job.run()
            JOB_RUNS.labels(service, job.name, "ok").inc()
        except Exception:
            JOB_RUNS.labels(service, job.name, "error").inc()
            log.exception("job failed", extra={"job": job.name})
        finally:
            await held.unlock(key)
        return True
    finally:
        if own:
            await held.close()


async def run_forever(db: Database, service: str, job: Job, locks: JobLocks | None = None) -> None:
    """Run `job` on its schedule until cancelled."""
    while True:
        started = time.monotonic()
        try:
            await run_once(db, service, job, locks)
        except Exception:  # the database itself is down: wait and try again
            log.exception("job runner could not reach the database", extra={"job": job.name})
        await asyncio.sleep(max(0.0, job.every_seconds - (time.monotonic() - started)))


async def run_all(db: Database, service: str, jobs: list[Job]) -> None:
    """Run every job of a service concurrently until cancelled, their locks on one connection
    and kept between runs."""
    locks = JobLocks(db, keep=True)
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(
                    run_forever(db, service, job, locks), name=f"{service}-job-{job.name}"
                )
    finally:
        await locks.close()
