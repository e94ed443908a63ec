"""The web role's page and browser tests run against the real all-in-one (`machi run
--target=all`, the demo town seeded), started once for the session: pages are drawn from the real
gateway and services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import Platform, all_in_one


@pytest.fixture(scope="session")
def platform(pg_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    yield from all_in_one(pg_server_url, tmp_path_factory.mktemp("web-platform"))


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the browser tests leave their screenshots (kept after the run, for people)."""
    folder = Path(__file__).resolve().parents[2] / "var" / "test-output" / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
