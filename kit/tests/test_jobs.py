import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import asyncpg
from sqlalchemy import text

from kit import wakeups
from kit.db import Database
from kit.jobs import Job, JobLocks, run_all, run_once
from kit.testing.waiting import eventually


async def test_a_job_runs_on_one_worker_at_a_time(kit_db: Database) -> None:
    running = asyncio.Event()
    release = asyncio.Event()
    runs: list[str] = []

    async def slow() -> None:
        runs.append("run")
        running.set()
        await release.wait()

    job = Job("slow", 1, slow)
    first = asyncio.create_task(run_once(kit_db, "kittest", job))
    await running.wait()
    assert await run_once(kit_db, "kittest", job) is False  # another worker: skipped
    release.set()
    assert await first is True
    assert await run_once(kit_db, "kittest", job) is True  # the lock was released
    assert runs == ["run", "run"]


async def test_a_failing_job_releases_its_lock(kit_db: Database) -> None:
    async def broken() -> None:
        raise RuntimeError("store API down")

    job = Job("broken", 1, broken)
    assert await run_once(kit_db, "kittest", job) is True
    assert await run_once(kit_db, "kittest", job) is True


async def test_a_runner_keeps_a_job_until_its_lock_connection_ends(kit_db: Database) -> None:
    runs: list[str] = []

    async def work() -> None:
        runs.append("run")

    job = Job("kept", 1, work)
    first, second = JobLocks(kit_db, keep=True), JobLocks(kit_db, keep=True)
    try:
        assert await run_once(kit_db, "kittest", job, first) is True
        assert await run_once(kit_db, "kittest", job, second) is False  # kept between runs
        assert await run_once(kit_db, "kittest", job, first) is True
        # The database ends the first runner's session (a restart, a dead process): its lock
        # goes with it, the second runner takes the job, and the first no longer runs it.
        async with kit_db.engine.connect() as admin:
            ended = await admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks"
                    " WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()"
                    " AND objid::int = hashtext('kittest:kept')"
                )
            )
            assert ended.scalars().all() == [True]
        await asyncio.sleep(0.2)  # the driver sees the socket close
        assert await run_once(kit_db, "kittest", job, second) is True
        assert await run_once(kit_db, "kittest", job, first) is False
        assert runs == ["run", "run", "run"]
    finally:
        await first.close()
        await second.close()


class Counted:
    """A job's body that counts its runs; `work` of them find work (the body returns True)."""

    def __init__(self, work: int = 0) -> None:
        self.runs = 0
        self.work = work

    async def __call__(self) -> bool:
        self.runs += 1
        return self.runs <= self.work

    def reached(self, runs: int) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            return self.runs >= runs

        return check


@contextlib.asynccontextmanager
async def running(db: Database, jobs: list[Job], idle_seconds: float = 30) -> AsyncIterator[None]:
    task = asyncio.create_task(run_all(db, "kittest", jobs, idle_seconds=idle_seconds))
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def channel() -> str:
    return f"kittest_{uuid.uuid4().hex[:12]}"  # its own: other test runs share the server


async def commit_notify(db: Database, name: str) -> None:
    async with db.transaction() as session:
        await wakeups.notify(session, name)


async def listeners(owner: asyncpg.Connection, name: str) -> list[int]:
    """Backends whose last statement listened on `name`."""
    rows = await owner.fetch(
        "SELECT pid FROM pg_stat_activity WHERE query = $1", f'LISTEN "{name}"'
    )
    return [row["pid"] for row in rows]


async def test_a_woken_job_runs_at_a_commits_notify_not_on_a_schedule(kit_db: Database) -> None:
    body, wake = Counted(), channel()
    job = Job(f"woken-{wake}", 0.2, body, wake=wake)
    async with running(kit_db, [job], idle_seconds=30):
        await eventually(body.reached(1), timeout=10, what="the first run, at start")
        await asyncio.sleep(1.5)  # seven ticks of its old schedule
        assert body.runs == 1
        started = time.monotonic()
        await commit_notify(kit_db, wake)
        await eventually(body.reached(2), timeout=10, what="a run after the NOTIFY")
        assert time.monotonic() - started < 10  # far from the 30 s ceiling
        assert body.runs == 2


async def test_a_rolled_back_notify_wakes_nobody(kit_db: Database) -> None:
    body, wake = Counted(), channel()
    job = Job(f"rolled-back-{wake}", 0.2, body, wake=wake)
    async with running(kit_db, [job], idle_seconds=30):
        await eventually(body.reached(1), timeout=10, what="the first run, at start")
        with contextlib.suppress(RuntimeError):
            async with kit_db.transaction() as session:
                await wakeups.notify(session, wake)
                raise RuntimeError("the request failed")
        await asyncio.sleep(1.5)
        assert body.runs == 1


async def test_a_run_that_found_work_is_followed_by_another_at_once(kit_db: Database) -> None:
    body, wake = Counted(work=5), channel()
    job = Job(f"backlog-{wake}", 10, body, wake=wake)
    async with running(kit_db, [job], idle_seconds=30):
        await eventually(body.reached(6), timeout=10, what="the backlog drained")
        await asyncio.sleep(0.5)
        assert body.runs == 6  # five that found work, one that found none: then it sleeps


async def test_a_woken_job_runs_when_its_work_comes_due_without_a_notify(
    kit_db: Database,
) -> None:
    body, wake = Counted(), channel()
    at = datetime.now(UTC) + timedelta(seconds=2)

    async def due() -> datetime | None:
        return at if body.runs < 2 else None

    job = Job(f"due-{wake}", 0.2, body, wake=wake, due=due)
    async with running(kit_db, [job], idle_seconds=30):
        await eventually(body.reached(1), timeout=10, what="the first run, at start")
        await eventually(body.reached(2), timeout=12, what="the run at the due time")
        assert datetime.now(UTC) >= at
        await asyncio.sleep(1)
        assert body.runs == 2  # nothing more is due: it sleeps until a commit or the ceiling


async def test_a_dropped_listener_wakes_its_jobs_and_listens_again(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    first, second, wake = Counted(), Counted(), channel()
    jobs = [Job(f"one-{wake}", 0.2, first, wake=wake), Job(f"two-{wake}", 0.2, second, wake=wake)]
    async with running(kit_db, jobs, idle_seconds=30):
        await eventually(first.reached(1), timeout=10, what="the first job's first run")
        await eventually(second.reached(1), timeout=10, what="the second job's first run")
        [listening] = await eventually(lambda: listeners(owner, wake), what="one listener")
        await owner.execute("SELECT pg_terminate_backend($1)", listening)
        # A notification may have been lost with it: both jobs look at once.
        await eventually(first.reached(2), timeout=10, what="a look after the loss")
        await eventually(second.reached(2), timeout=10, what="a look after the loss")

        async def again() -> list[int]:
            return [pid for pid in await listeners(owner, wake) if pid != listening]

        [relistening] = await eventually(again, timeout=10, what="a new listener")
        await commit_notify(kit_db, wake)
        await eventually(first.reached(3), timeout=10, what="the NOTIFY on the new listener")
        await eventually(second.reached(3), timeout=10, what="the NOTIFY on the new listener")
        assert await listeners(owner, wake) == [relistening]


async def test_a_job_without_a_wake_channel_keeps_its_schedule(kit_db: Database) -> None:
    body, woken, wake = Counted(), Counted(), channel()
    jobs = [Job(f"scheduled-{wake}", 0.2, body), Job(f"woken-{wake}", 0.2, woken, wake=wake)]
    async with running(kit_db, jobs, idle_seconds=30):
        await eventually(body.reached(5), timeout=10, what="five runs on its schedule")
        assert woken.runs == 1


async def test_a_stopped_runner_holds_no_lock_of_its_jobs(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    body, name = Counted(), f"handed-over-{uuid.uuid4().hex[:8]}"
    async with running(kit_db, [Job(name, 0.1, body)]):
        await eventually(body.reached(1), timeout=10, what="the runner's run")
    # Its lock connection must not go back to the pool still holding the lock: the next runner
    # of the same engine would never get the job.
    held = await owner.fetchval(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND objid::int = hashtext($1)",
        f"kittest:{name}",
    )
    assert held == 0
