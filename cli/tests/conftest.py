from collections.abc import AsyncIterator

import pytest

from kit import migrations
from kit.settings import MachiSettings


@pytest.fixture(scope="session")
async def ops_settings(machi_settings: MachiSettings) -> AsyncIterator[MachiSettings]:
    """Databases of the ops commands' own (`t<run>_ops_<service>`): commands that act on a whole
    database (every tenant, every outbox row) never meet other suites' rows."""
    settings = machi_settings.model_copy(
        update={"db_name_prefix": f"{machi_settings.db_name_prefix}ops_"}
    )
    yield settings
    for service in ("gateway", "catalog", "publisher", "analytics"):
        await migrations.drop(settings, service)


@pytest.fixture(scope="session")
def ops_migrated() -> set[str]:
    """Services whose ops database is at head (see `kit.testing.plugin.migrate`)."""
    return set()
