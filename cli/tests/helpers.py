"""Running `machi` from a test, against this run's databases and broker."""

import asyncio

from typer.testing import CliRunner, Result

from kit.settings import MachiSettings
from machi_cli.main import app


def cli_env(settings: MachiSettings, **extra: str) -> dict[str, str]:
    """The environment a `machi` command of this test run reads its settings from."""
    env = {
        "DATABASE_URL": settings.database_url or "",
        "DB_NAME_PREFIX": settings.db_name_prefix,
        "AMQP_URL": settings.amqp_url or "",
        "EVENTS_PREFIX": settings.events_prefix,
        "LOG_JSON": "false",
        "COLUMNS": "250",  # one table row per line
    }
    return {**env, **extra}


async def machi(args: list[str], env: dict[str, str]) -> Result:
    """Run `machi ARGS` as a user would; in a thread, since each command runs its own loop."""
    runner = CliRunner()
    return await asyncio.to_thread(runner.invoke, app, args, env=env, catch_exceptions=False)
