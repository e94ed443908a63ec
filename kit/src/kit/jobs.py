"""Scheduled jobs of the `worker` role: every N seconds, on one worker at a time.

Each run holds a Postgres advisory lock named after the job, so with several worker processes a
job never runs twice at once; a process that dies releases its lock with its connection. Jobs
connect as the service's `<service>_jobs` role (`ServiceRuntime.jobs_db`), which may claim work
across tenants (`execution_options(all_tenants=True)`) and handles each item in a transaction
scoped to its tenant. Only the job runner's transactions commit: job code never commits.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import text

from kit.db import Database
from kit.observability import JOB_RUNS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """`run` every `every_seconds`; `name` is unique within the service."""

    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]


async def run_once(db: Database, service: str, job: Job) -> bool:
    """Run `job` if no other worker is running it; False when it was skipped."""
    async with db.engine.connect() as conn:
        key = f"{service}:{job.name}"
        locked = (
            await conn.execute(text("SELECT pg_try_advisory_lock(hashtext(:k))"), {"k": key})
        ).scalar_one()
        await conn.commit()
        if not locked:
            return False
        try:
            await job.run()
            JOB_RUNS.labels(service, job.name, "ok").inc()
        except Exception:
            JOB_RUNS.labels(service, job.name, "error").inc()
            log.exception("job failed", extra={"job": job.name})
        finally:
            await conn.execute(text("SELECT pg_advisory_unlock(hashtext(:k))"), {"k": key})
            await conn.commit()
        return True


async def run_forever(db: Database, service: str, job: Job) -> None:
    """Run `job` on its schedule until cancelled."""
    while True:
        started = time.monotonic()
        try:
            await run_once(db, service, job)
        except Exception:  # the database itself is down: wait and try again
            log.exception("job runner could not reach the database", extra={"job": job.name})
        await asyncio.sleep(max(0.0, job.every_seconds - (time.monotonic() - started)))


async def run_all(db: Database, service: str, jobs: list[Job]) -> None:
    """Run every job of a service concurrently until cancelled."""
    async with asyncio.TaskGroup() as group:
        for job in jobs:
            group.create_task(run_forever(db, service, job), name=f"{service}-job-{job.name}")
