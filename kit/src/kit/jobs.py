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

A job may name a `wake` channel (`kit.wakeups`): the commits that make its work send a NOTIFY
on it, and between runs it sleeps until one does, `idle_seconds` at most (30 s, a safety net),
instead of looking every `every_seconds`. A run whose result is truthy (it found work, more may
wait) is followed by another at once, so a backlog drains at full speed. Work that comes due
later without a commit (a scheduled post, a retry after its backoff, a lapsed lease) is the
job's `due`: after a run that found nothing the runner asks it when the earliest known work is
due and sleeps until then at most; work due already that the run did not take (held by another
worker, blocked by a rate limit) is looked at again after `every_seconds`, as before. The
runner's jobs share one listening connection, listened again after it is lost, and a lost one
wakes them all (a notification may have been lost with it); while nobody listens they look
every `every_seconds`. A job another worker holds is tried again on each wake-up and when its
`due` comes, so a worker that died is taken over then. Without `wake`, a job keeps its schedule.
With `exclusive=False` a job takes no advisory lock: every worker runs it, and its own claims
(`FOR UPDATE SKIP LOCKED`) share the work out (the catalog's imports).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from kit import wakeups
from kit.db import Database
from kit.observability import JOB_RUNS

log = logging.getLogger(__name__)

TRY_LOCK = text("SELECT pg_try_advisory_lock(hashtext(:k))")
UNLOCK = text("SELECT pg_advisory_unlock(hashtext(:k))")


@dataclass(frozen=True)
class Job:
    """`run` every `every_seconds`, or, with `wake`, when a commit NOTIFYs that channel, when
    `due` says the earliest work comes due (None: no work waits), or after `idle_seconds` of
    the runner; `name` is unique within the service."""

    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]
    wake: str | None = None
    due: Callable[[], Awaitable[datetime | None]] | None = None
    exclusive: bool = True


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
        """Release every lock: a connection still holding some ends (back in the pool it would
        keep them, and the next runner of the same engine would never get them)."""
        held, self._held = self._held, set()
        if held:
            await self._drop()
            return
        conn, self._conn = self._conn, None
        if conn is not None:
            await conn.close()


@dataclass(frozen=True)
class Run:
    """What one attempt at a job did: skipped (another worker holds it), failed, or ran and
    gave `result`."""

    ran: bool
    failed: bool = False
    result: object = None

    @property
    def found_work(self) -> bool:
        return self.ran and not self.failed and bool(self.result)


async def attempt(db: Database, service: str, job: Job, locks: JobLocks | None = None) -> Run:
    """Run `job` if no other worker is running it (any worker, when it is not `exclusive`).
    Without `locks`, the lock is taken on a connection of its own for this run."""
    if not job.exclusive:
        return await _run(service, job)
    own = locks is None
    held = JobLocks(db) if locks is None else locks
    key = f"{service}:{job.name}"
    try:
        if not await held.try_lock(key):
            return Run(ran=False)
        try:
            return await _run(service, job)
        finally:
            await held.unlock(key)
    finally:
        if own:
            await held.close()


async def _run(service: str, job: Job) -> Run:
    try:
        result = await job.run()
    except Exception:
        JOB_RUNS.labels(service, job.name, "error").inc()
        log.exception("job failed", extra={"job": job.name})
        return Run(ran=True, failed=True)
    JOB_RUNS.labels(service, job.name, "ok").inc()
    return Run(ran=True, result=result)


async def run_once(db: Database, service: str, job: Job, locks: JobLocks | None = None) -> bool:
    """Run `job` if no other worker is running it; False when it was skipped. Without `locks`,
    the lock is taken on a connection of its own for this run."""
    return (await attempt(db, service, job, locks)).ran


async def run_forever(
    db: Database,
    service: str,
    job: Job,
    locks: JobLocks | None = None,
    listener: wakeups.Wakeups | None = None,
    idle_seconds: float = wakeups.IDLE_SECONDS,
) -> None:
    """Run `job` until cancelled: on its schedule, or, with a `wake` channel and a `listener`
    on it, when woken (see the module's doc)."""
    if job.wake is None or listener is None:
        await _on_schedule(db, service, job, locks)
    else:
        woken = listener.subscribe(job.wake)
        idle = max(idle_seconds, job.every_seconds)
        await _when_woken(db, service, job, locks, listener, woken, idle)


async def _on_schedule(db: Database, service: str, job: Job, locks: JobLocks | None) -> None:
    while True:
        started = time.monotonic()
        try:
            await run_once(db, service, job, locks)
        except Exception:  # the database itself is down: wait and try again
            log.exception("job runner could not reach the database", extra={"job": job.name})
        await asyncio.sleep(max(0.0, job.every_seconds - (time.monotonic() - started)))


async def _when_woken(
    db: Database,
    service: str,
    job: Job,
    locks: JobLocks | None,
    listener: wakeups.Wakeups,
    woken: asyncio.Event,
    idle_seconds: float,
) -> None:
    while True:
        started = time.monotonic()
        await listener.listen()
        woken.clear()  # after listening: a commit from now on sets it again
        try:
            run = await attempt(db, service, job, locks)
        except Exception:  # the database itself is down: wait and try again
            log.exception("job runner could not reach the database", extra={"job": job.name})
            run = Run(ran=False, failed=True)
        if run.found_work:
            continue
        pause = await _pause(job, run, listener.listening, idle_seconds, started)
        await wakeups.wait(woken, pause)


async def _pause(job: Job, run: Run, listening: bool, idle_seconds: float, started: float) -> float:
    """How long a woken job may sleep after a run that found nothing: its schedule's rest after
    a failure or while nobody listens, else until its earliest due work, `idle_seconds` at most."""
    if run.failed or not listening:
        return job.every_seconds - (time.monotonic() - started)
    if job.due is None:
        return idle_seconds
    try:
        at = await job.due()
    except Exception:
        log.exception("job could not tell when its work is due", extra={"job": job.name})
        return job.every_seconds - (time.monotonic() - started)
    if at is None:
        return idle_seconds
    left = (at - datetime.now(UTC)).total_seconds()
    return min(idle_seconds, left) if left > 0 else job.every_seconds


async def run_all(
    db: Database, service: str, jobs: list[Job], idle_seconds: float = wakeups.IDLE_SECONDS
) -> None:
    """Run every job of a service concurrently until cancelled, their locks on one connection
    and kept between runs, the wake channels of those that have one on another."""
    locks = JobLocks(db, keep=True)
    channels = sorted({job.wake for job in jobs if job.wake is not None})
    listener = wakeups.Wakeups(db, channels) if channels else None
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(
                    run_forever(db, service, job, locks, listener, idle_seconds),
                    name=f"{service}-job-{job.name}",
                )
    finally:
        await locks.close()
        if listener is not None:
            await listener.close()
