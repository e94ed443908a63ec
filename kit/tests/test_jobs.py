import asyncio

from sqlalchemy import text

from kit.db import Database
from kit.jobs import Job, JobLocks, run_once


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
