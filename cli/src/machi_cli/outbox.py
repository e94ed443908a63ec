"""`machi outbox status`: each service's outbox backlog (kit.ops.outbox)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import typer
from rich.console import Console
from rich.table import Table

from kit.ops import outbox
from kit.settings import MachiSettings
from machi_cli import databases
from machi_cli.services import DATABASES

app = typer.Typer(help="The transactional outboxes of the services.", no_args_is_help=True)


def _age(age: timedelta | None) -> str:
    if age is None:
        return "-"
    seconds = max(int(age.total_seconds()), 0)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m{seconds % 60:02d}s"


async def _statuses(settings: MachiSettings) -> dict[str, outbox.OutboxStatus | None]:
    found: dict[str, outbox.OutboxStatus | None] = {}
    for service in DATABASES:
        if not await databases.exists(settings, service):
            found[service] = None
            continue
        async with databases.owner_connection(settings, service) as conn:
            found[service] = await outbox.status(conn)
    return found


@app.command()
def status() -> None:
    """Per service: pending rows, oldest pending age, failing rows, rows sent in the last hour."""
    settings = MachiSettings()
    if not settings.database_url:
        raise SystemExit("DATABASE_URL is not set")
    found = asyncio.run(_statuses(settings))
    table = Table("service", "pending", "oldest pending", "failing", "sent (1h)")
    for service, state in found.items():
        if state is None:
            table.add_row(service, "no database", "", "", "")
            continue
        table.add_row(
            service,
            str(state.pending),
            _age(state.oldest_pending_age),
            str(state.failing),
            str(state.sent_last_hour),
        )
    Console().print(table)
