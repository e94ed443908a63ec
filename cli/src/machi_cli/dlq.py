"""`machi dlq`: the dead-letter queues of the RabbitMQ deployment (kit.ops.dlq)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kit.ops.dlq import DeadLetters
from kit.settings import MachiSettings
from machi_cli.services import consumers

app = typer.Typer(help="Dead-letter queues: list, show, replay, purge.", no_args_is_help=True)
T = TypeVar("T")

CONSUMER = typer.Argument(..., help="Consumer name, e.g. analytics.on-product-published.")


def _with_dead_letters(work: Callable[[DeadLetters], Awaitable[T]]) -> T:
    settings = MachiSettings()
    if not settings.amqp_url:
        raise SystemExit("AMQP_URL is not set: dead-letter queues exist only on RabbitMQ")
    url = settings.amqp_url

    async def go() -> T:
        async with DeadLetters.connect(url, settings.events_prefix) as dead:
            return await work(dead)

    return asyncio.run(go())


def _known(consumer: str) -> str:
    if consumer not in consumers():
        raise typer.BadParameter(f"no consumer {consumer!r}; see `machi dlq list`")
    return consumer


@app.command("list")
def list_() -> None:
    """Every consumer's dead-letter queue and how many messages rest in it."""
    names = sorted(consumers())
    counts = _with_dead_letters(lambda dead: dead.counts(names))
    table = Table("consumer", "dead letters")
    for name in names:
        count = counts[name]
        table.add_row(name, "not declared" if count is None else str(count))
    Console().print(table)


@app.command()
def show(consumer: str = CONSUMER, limit: int = typer.Option(20, min=1, max=10_000)) -> None:
    """The first dead letters of a consumer (left in place): id, type, tenant, attempts, error."""
    found = _with_dead_letters(lambda dead: dead.show(_known(consumer), limit))
    table = Table("id", "type", "tenant", "attempts", "last error", title=consumer)
    for letter in found:
        table.add_row(
            letter.id,
            letter.type,
            letter.tenant_id or "-",
            str(letter.attempts),
            letter.last_error or "-",
        )
    Console().print(table)


@app.command()
def replay(
    consumer: str = CONSUMER,
    ids: list[str] = typer.Option([], "--id", help="Only these envelope ids (repeatable)."),
    all_: bool = typer.Option(False, "--all", help="Every dead letter of the consumer."),
) -> None:
    """Move dead letters back to the consumer's queue, each exactly once."""
    if bool(ids) == all_:
        raise typer.BadParameter("give --all or at least one --id")
    _known(consumer)

    async def work(dead: DeadLetters) -> int:
        total = await dead.count(consumer) or 0
        columns = (TextColumn("replaying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns) as progress:
            task = progress.add_task("replay", total=len(ids) if ids else total)
            return await dead.replay(
                consumer,
                set(ids) if ids else None,
                lambda n: progress.update(task, completed=n),
            )

    moved = _with_dead_letters(work)
    Console().print(f"replayed {moved} message(s) to {consumer}")
    if ids and moved < len(ids):
        Console().print(f"[yellow]{len(ids) - moved} id(s) were not in the dead-letter queue")
        raise typer.Exit(1)


@app.command()
def purge(
    consumer: str = CONSUMER,
    yes: bool = typer.Option(False, "--yes", help="Confirm: the messages are lost for good."),
) -> None:
    """Drop every dead letter of a consumer (needs --yes)."""
    _known(consumer)
    if not yes:
        count = _with_dead_letters(lambda dead: dead.count(consumer))
        Console().print(f"{consumer}: {count or 0} dead letter(s) would be dropped; add --yes")
        raise typer.Exit(1)
    dropped = _with_dead_letters(lambda dead: dead.purge(consumer))
    Console().print(f"purged {dropped} message(s) from {consumer}")
