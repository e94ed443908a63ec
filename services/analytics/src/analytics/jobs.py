"""Scheduled work of the analytics worker role."""

from __future__ import annotations

from analytics.rollups import service as rollups
from analytics.settings import AnalyticsSettings
from kit.jobs import Job
from kit.runtime import ServiceRuntime


def jobs(runtime: ServiceRuntime, settings: AnalyticsSettings) -> list[Job]:
    """Rollups, across tenants as the jobs role."""

    async def roll_up() -> None:
        await rollups.run(runtime.jobs_db)

    return [Job("rollups", settings.rollup_seconds, roll_up)]
