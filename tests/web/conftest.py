"""The web role's page and browser tests run against the real all-in-one (`machi run
--target=all`, the demo town seeded), started once for the session: pages are drawn from the real
gateway and services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.testing.fakes import serve_in_thread
from kit.testing.platforms import FakeMastodon, FakeMeta, FakeX
from tests.harness import Platform, all_in_one


@pytest.fixture(scope="session")
def fake_x() -> Iterator[tuple[FakeX, str]]:
    """The fake X the platform connects accounts of (its token endpoint; the consent page is
    the browser's, so tests follow the redirect back themselves)."""
    fake = FakeX()
    with serve_in_thread(fake.app) as url:
        yield fake, url


@pytest.fixture(scope="session")
def fake_meta() -> Iterator[str]:
    """The fake Graph API: a grant offers the admin's Pages to choose from."""
    with serve_in_thread(FakeMeta().app) as url:
        yield url


@pytest.fixture(scope="session")
def fake_mastodon() -> Iterator[tuple[FakeMastodon, str]]:
    """A fake Mastodon instance on loopback, whose address a staff member types in: it registers
    Machi's app, shows its consent page and takes statuses."""
    fake = FakeMastodon(username="librarian")
    with serve_in_thread(fake.app) as url:
        yield fake, url


@pytest.fixture(scope="session")
def platform(
    pg_server_url: str,
    tmp_path_factory: pytest.TempPathFactory,
    fake_x: tuple[FakeX, str],
    fake_meta: str,
    fake_mastodon: tuple[FakeMastodon, str],
) -> Iterator[Platform]:
    x_url = fake_x[1]
    extra = {
        # The fake Mastodon instance listens on loopback, which the outbound guard refuses
        # otherwise (the cloud metadata address stays refused even so).
        "OUTBOUND_ALLOW_PRIVATE": "true",
        "PUBLISHER_FACEBOOK_GRAPH_URL": fake_meta,
        "PUBLISHER_FACEBOOK_DIALOG_URL": f"{fake_meta}/dialog/oauth",
        "PUBLISHER_FACEBOOK_APP_ID": "fb-app",
        "PUBLISHER_FACEBOOK_APP_SECRET": "fb-secret",
        "PUBLISHER_X_API_URL": x_url,
        "PUBLISHER_X_AUTHORIZE_URL": f"{x_url}/i/oauth2/authorize",
        "PUBLISHER_X_CLIENT_ID": "x-client",
        "PUBLISHER_X_CLIENT_SECRET": "x-secret",
        # clicks reach the reports within a second or two
        "ANALYTICS_ROLLUP_SECONDS": "1",
        "ANALYTICS_FLUSH_SECONDS": "0.2",
        "ANALYTICS_LINK_CACHE_SECONDS": "0",
    }
    yield from all_in_one(pg_server_url, tmp_path_factory.mktemp("web-platform"), extra)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the browser tests leave their screenshots (kept after the run, for people)."""
    folder = Path(__file__).resolve().parents[2] / "var" / "test-output" / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
