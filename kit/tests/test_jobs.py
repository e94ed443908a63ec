import asyncio

from kit.db import Database
from kit.jobs import Job, run_once


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
