"""The web role's page and browser tests run against the real all-in-one (`machi run
--target=all`, the demo town seeded), started once for the session: pages are drawn from the real
gateway and services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kit.testing.fakes import serve_in_thread
from kit.testing.platforms import FakeLine, FakeMastodon, FakeMeta, FakeX
from tests.harness import PASSWORD, Platform, all_in_one


@pytest.fixture(scope="session")
def fake_x() -> Iterator[tuple[FakeX, str]]:
    """The fake X the platform connects accounts of (its token endpoint; the consent page is
    the browser's, so tests follow the redirect back themselves)."""
    fake = FakeX()
    with serve_in_thread(fake.app) as url:
        yield fake, url


@pytest.fixture(scope="session")
def meta_server() -> Iterator[tuple[FakeMeta, str]]:
    """The fake Graph API: a grant offers the admin's Pages to choose from; Page posts land in
    its `posts`."""
    fake = FakeMeta()
    with serve_in_thread(fake.app) as url:
        yield fake, url


@pytest.fixture(scope="session")
def fake_meta(meta_server: tuple[FakeMeta, str]) -> str:
    return meta_server[1]


@pytest.fixture(scope="session")
def line_server() -> Iterator[tuple[FakeLine, str]]:
    """The fake LINE Messaging API: the inbox's replies and pushes land in its lists."""
    fake = FakeLine()
    with serve_in_thread(fake.app) as url:
        yield fake, url


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
    line_server: tuple[FakeLine, str],
) -> Iterator[Platform]:
    x_url = fake_x[1]
    extra = {
        "PUBLISHER_FACEBOOK_GRAPH_URL": fake_meta,
        "PUBLISHER_FACEBOOK_DIALOG_URL": f"{fake_meta}/dialog/oauth",
        "PUBLISHER_FACEBOOK_APP_ID": "fb-app",
        "PUBLISHER_FACEBOOK_APP_SECRET": "fb-secret",
        "PUBLISHER_X_API_URL": x_url,
        "PUBLISHER_X_AUTHORIZE_URL": f"{x_url}/i/oauth2/authorize",
        "PUBLISHER_X_CLIENT_ID": "x-client",
        "PUBLISHER_X_CLIENT_SECRET": "x-secret",
        "PUBLISHER_LINE_API_URL": line_server[1],
        # clicks reach the reports within a second or two
        "ANALYTICS_ROLLUP_SECONDS": "1",
        "ANALYTICS_FLUSH_SECONDS": "0.2",
        "ANALYTICS_LINK_CACHE_SECONDS": "0",
        # a city page shows a change within a second or two (web/tests/test_cache.py holds the
        # cache to its lifetime)
        "WEB_PAGE_CACHE_SECONDS": "1",
    }
    # The fake Mastodon instance a staff member types in listens on loopback, which the outbound
    # guard refuses: that host and port (and the platform's own, for its media) are let through,
    # no other loopback address.
    mastodon = fake_mastodon[1].removeprefix("http://")
    yield from all_in_one(
        pg_server_url, tmp_path_factory.mktemp("web-platform"), extra, allow_hosts=[mastodon]
    )


@pytest.fixture(scope="session")
def town_channels(platform: Platform) -> dict[str, dict[str, Any]]:
    """The demo town's Facebook Page (3001 on the fake Graph API: the OAuth tests connect Pages
    1001 and 1002 themselves) and X account, both asking for an editor's approval, connected once
    for the session through the API."""
    admin = platform.seeded_admin()
    bodies = {
        "facebook_page": {
            "platform": "facebook_page",
            "name": "Takeo Town Hall",
            "external_id": "3001",
            "credentials": {"access_token": "page-token-3001"},
            "scopes": ["pages_manage_posts", "pages_read_engagement"],
        },
        "x": {
            "platform": "x",
            "name": "@takeo_city",
            "credentials": {"access_token": "x-access-takeo_city"},
            "config": {"username": "takeo_city"},
            "scopes": ["tweet.read", "tweet.write", "users.read", "offline.access"],
        },
    }
    found = {}
    for platform_name, body in bodies.items():
        created = admin.post("/v1/channels", json={**body, "approval_policy": "editor"})
        assert created.status_code == 201, created.text
        found[platform_name] = created.json()
    return found


@pytest.fixture(scope="session")
def town_team(platform: Platform) -> dict[str, tuple[str, str]]:
    """A writer and an editor of the demo town: role -> (email, password)."""
    admin = platform.seeded_admin()
    team = {}
    for role in ("writer", "editor"):
        email = f"{role}-publishing@takeo.example"
        created = admin.post(
            "/v1/users", json={"email": email, "password": PASSWORD, "roles": [role]}
        )
        assert created.status_code == 201, created.text
        team[role] = (email, PASSWORD)
    return team


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the browser tests leave their screenshots (kept after the run, for people)."""
    folder = Path(__file__).resolve().parents[2] / "var" / "test-output" / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
