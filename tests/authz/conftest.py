"""One all-in-one platform for the authorization matrix."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.harness import Platform, all_in_one


@pytest.fixture(scope="module")
def platform(pg_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    yield from all_in_one(pg_server_url, tmp_path_factory.mktemp("authz"))
