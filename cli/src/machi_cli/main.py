"""The `machi` command."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import typer

from gateway.settings import GatewaySettings
from kit import logs, tracing
from kit import roles as kit_roles
from kit.events.rabbitmq import definitions
from kit.settings import MachiSettings
from machi_cli import dlq, origin, outbox, rollups, rotation, runner, sealing, tenants
from machi_cli import workers as workers_module
from machi_cli.services import ROLE_NAMES

app = typer.Typer(help="Machi: social commerce for towns.", no_args_is_help=True)
app.add_typer(dlq.app, name="dlq")
app.add_typer(outbox.app, name="outbox")
app.add_typer(rollups.app, name="rollups")
app.add_typer(tenants.app, name="tenants")


def _logged_settings(*, pid: bool = False) -> MachiSettings:
    settings = MachiSettings()
    logs.configure(settings.log_level, json_lines=settings.log_json, pid=pid)
    return settings


def _settings() -> MachiSettings:
    return runner.resolve_database(_logged_settings())


@app.command()
def run(
    target: str = typer.Option("all", help=f"'all' or a comma list of: {', '.join(ROLE_NAMES)}"),
    host: str = typer.Option(os.environ.get("HOST", "127.0.0.1")),
    port: int | None = typer.Option(
        int(os.environ["PORT"]) if os.environ.get("PORT") else None,
        help="Gateway/API port (default 8000, or the service's own); relay/worker: ops port.",
    ),
    migrate: bool | None = typer.Option(None, help="Migrate first (default: with --target=all)."),
    seed: bool | None = typer.Option(None, help="Seed the demo town (default: with --target=all)."),
    workers: int = typer.Option(
        int(os.environ.get("WORKERS") or 1),
        min=1,
        help="Processes running these roles, sharing the port(s) (README: Workers); above 1"
        " needs AMQP_URL.",
    ),
    worker: int | None = typer.Option(None, hidden=True, help="Set by the workers' supervisor."),
) -> None:
    """Run the selected roles: the all-in-one platform, or one role per process."""
    selected = kit_roles.select(ROLE_NAMES, target)
    all_in_one = runner.is_all_in_one(selected)
    if port is not None and all_in_one:
        origin.follow_port(port)  # before any settings are read
    settings = _logged_settings(pid=workers > 1 or worker is not None)
    workers_module.refuse_without_broker(workers, settings)
    # Before anything starts: a role that seals secrets without its keys stops here.
    sealing.provide_keys(selected, all_in_one=all_in_one)
    settings = runner.resolve_database(settings)
    migrate = all_in_one if migrate is None else migrate
    seed = all_in_one if seed is None else seed
    if workers > 1:
        run_args = [f"--target={target}", f"--host={host}"]
        if port is not None:
            run_args.append(f"--port={port}")
        raise SystemExit(
            workers_module.supervise(
                settings, GatewaySettings(), selected, run_args, workers, migrate=migrate, seed=seed
            )
        )
    tracing.configure("machi" if target == "all" else f"machi-{target}")
    platform = runner.Platform(settings, GatewaySettings(), target, worker=worker)
    asyncio.run(platform.run(host, port, migrate=migrate, seed=seed))


@app.command()
def migrate() -> None:
    """Create every service's database and role if missing, and migrate them to head."""
    asyncio.run(runner.migrate_all(_settings()))


@app.command("create-operator")
def create_operator(
    email: str = typer.Option(...),
    password: str = typer.Option(..., prompt=True, hide_input=True),
) -> None:
    """Create (or reset) a platform operator account."""
    from gateway import bootstrap
    from kit.db import Database

    settings = _settings()

    async def go() -> None:
        db = Database(settings.app_url("gateway"), pool_size=1)
        try:
            await bootstrap.create_operator(db, email, password)
        finally:
            await db.dispose()

    asyncio.run(go())
    typer.echo(f"operator {email} ready")


@app.command("import")
def import_csv(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="The catalog CSV."),
    url: str = typer.Option("http://localhost:8000", envvar="MACHI_URL"),
    api_key: str | None = typer.Option(None, envvar="MACHI_API_KEY"),
    email: str | None = typer.Option(None, envvar="MACHI_EMAIL"),
    password: str | None = typer.Option(None, envvar="MACHI_PASSWORD"),
    publish: bool = typer.Option(
        False, "--publish", help="Publish every product the file creates or updates."
    ),
) -> None:
    """Import producers, products and variants from a CSV (README: Catalog CSV import)."""
    import httpx
    from rich.console import Console

    from machi_cli import imports

    with httpx.Client(base_url=url, timeout=60) as http:
        imports.authenticate(http, api_key, email, password)
        state = imports.upload_and_follow(http, path, publish=publish)
    imports.report(state, Console())
    if state["status"] != "succeeded":
        raise typer.Exit(1)


@app.command("rabbitmq-definitions")
def rabbitmq_definitions(
    path: Path = typer.Option(Path("deploy/rabbitmq/definitions.json"), help="File to update."),
) -> None:
    """Write the RabbitMQ topology every consumer declares into a definitions file (users,
    vhosts and permissions already in the file are kept)."""
    from machi_cli.services import consumers

    settings = MachiSettings()
    current = json.loads(path.read_text()) if path.exists() else {}
    generated = definitions(consumers(), settings.event_retry_delays_ms)
    path.write_text(json.dumps({**current, **generated}, indent=2, ensure_ascii=False) + "\n")
    typer.echo(f"{path}: {len(generated['queues'])} queues")


@app.command("openapi")
def openapi_document(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
) -> None:
    """Print the merged OpenAPI document, built offline (no server, no database)."""
    from machi_cli import openapi

    text = openapi.dumps(openapi.document())
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text)


keys = typer.Typer(help="The gateway's signing key; the keys sealing secrets, and their rotation.")
app.add_typer(keys, name="keys")
keys.command("rotate")(rotation.rotate)


@keys.command("init")
def keys_init() -> None:
    """Create the gateway's signing key file and the secret keys file (var/secret-keys.env,
    which docker-compose reads) if they do not exist."""
    from kit.auth import key_id, load_or_create_key
    from kit.secrets import load_or_create_keys

    path = GatewaySettings().gateway_signing_key_file
    key = load_or_create_key(path)
    typer.echo(f"{path}: kid {key_id(key.public_key())}")
    variables = [service.variable for service in sealing.SEALED_SERVICES]
    load_or_create_keys(sealing.DEV_KEYS, variables)
    typer.echo(f"{sealing.DEV_KEYS}: {', '.join(variables)}")


@keys.command("new")
def keys_new() -> None:
    """Print a fresh key for a `*_SECRET_KEYS` setting (comma-separated, newest first)."""
    from kit.secrets import new_key

    typer.echo(new_key())


def main() -> None:
    app()
