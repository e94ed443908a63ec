"""`machi rollups rebuild`: recompute analytics rollups from raw clicks and conversions."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from analytics.rollups import service as rollups
from kit.settings import MachiSettings
from machi_cli import databases

app = typer.Typer(help="Analytics rollups (the counters every report reads).", no_args_is_help=True)


def _moment(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value and value.tzinfo is None else value


def _reporter(progress: Progress, task: TaskID) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return report


async def _rebuild(
    settings: MachiSettings,
    tenant: uuid.UUID | None,
    since: datetime | None,
    until: datetime | None,
) -> int:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("hours"),
        TimeElapsedColumn(),
    )
    async with databases.jobs_database(settings, "analytics") as db:
        tenants = [tenant] if tenant is not None else await rollups.tenants_with_data(db)
        done = 0
        with Progress(*columns) as progress:
            for each in tenants:
                task = progress.add_task(str(each), total=None)
                done += await rollups.rebuild(
                    db,
                    each,
                    since,
                    until,
                    _reporter(progress, task),
                )
        return done


@app.command()
def rebuild(
    tenant: uuid.UUID | None = typer.Option(None, help="One tenant (default: every tenant)."),
    since: datetime | None = typer.Option(None, help="From (UTC unless given); default: first."),
    until: datetime | None = typer.Option(None, help="Until, exclusive; default: last event."),
) -> None:
    """Recompute hour and day rollups over a range from the raw events, with progress."""
    settings = MachiSettings()
    if not settings.database_url:
        raise SystemExit("DATABASE_URL is not set")
    done = asyncio.run(_rebuild(settings, tenant, _moment(since), _moment(until)))
    Console().print(f"rebuilt {done} hour(s) of rollups")
