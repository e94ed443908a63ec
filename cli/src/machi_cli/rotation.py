"""`machi keys rotate`: re-encrypt every sealed secret under each service's newest key."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

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

from kit.ops.keys import count_sealed, rotate_column
from kit.secrets import Sealer, sealed_columns
from kit.settings import MachiSettings
from machi_cli import databases
from machi_cli.sealing import SEALED_SERVICES


def _reporter(progress: Progress, task: TaskID) -> Callable[[int], None]:
    def report(done: int) -> None:
        progress.update(task, completed=done)

    return report


async def _rotate(settings: MachiSettings, batch_size: int) -> int:
    """Rotate every sealed column; returns how many values no configured key opens."""
    console = Console()
    unreadable = 0
    columns = (
        TextColumn("{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        for service in SEALED_SERVICES:
            if service.metadata is None:
                continue  # nothing at rest: a cookie sealed with an old key is re-sealed on use
            keys = service.keys()
            if not keys:
                progress.console.print(f"{service.name}: no key configured, skipped")
                continue
            sealer = Sealer(keys, service.variable)
            async with databases.jobs_database(settings, service.name) as db:
                for column in sealed_columns(service.metadata):
                    name = f"{service.name}.{column.table.name}.{column.name}"
                    total = await count_sealed(db.engine, column)
                    task = progress.add_task(name, total=total)
                    result = await rotate_column(
                        db.engine,
                        column,
                        sealer,
                        batch_size,
                        _reporter(progress, task),
                    )
                    progress.update(task, completed=total)
                    for key in result.unreadable:
                        progress.console.print(f"[red]{name} {key}: no configured key opens it")
                    unreadable += len(result.unreadable)
    return unreadable


def rotate(
    batch_size: int = typer.Option(500, min=1, max=10_000, help="Rows per transaction."),
) -> None:
    """Re-encrypt every sealed secret (channel, store and webhook credentials) under the first
    key of each service's key list, so the older keys can be removed afterwards."""
    settings = MachiSettings()
    if not settings.database_url:
        raise SystemExit("DATABASE_URL is not set")
    unreadable = asyncio.run(_rotate(settings, batch_size))
    if unreadable:
        Console().print(f"[red]{unreadable} secret(s) could not be opened; keep the old keys")
        raise typer.Exit(1)
    Console().print("every sealed secret is under the newest key; older keys can be removed")
