"""The all-in-one platform (`machi run --target=all`, seeded demo town) for the fuzz and isolation
suites: the production code path, in its own process, on this run's own databases."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from gateway import bootstrap as gateway_bootstrap
from kit.db import Database
from kit.settings import MachiSettings
from kit.testing.fakes import free_port
from machi_cli import seed

from .e2e.processes import Machi, base_env, running, wait_http

ONE_PATH_OF_EACH_SERVICE = ("/v1/me", "/v1/products", "/v1/posts", "/v1/links")
PASSWORD = "correct horse battery"
# High enough that thousands of fuzz requests from one user are not answered 429.
LIMITS = {
    "RATE_LIMIT_PER_MINUTE": "1000000",
    "PUBLIC_RATE_LIMIT_PER_MINUTE": "1000000",
    "LOGIN_IP_PER_MINUTE": "1000000",
    "LOGIN_ACCOUNT_PER_MINUTE": "1000000",
    "LOGIN_IP_ACCOUNT_PER_MINUTE": "1000000",
}


@dataclass
class Platform:
    """A running all-in-one: its gateway URL and the settings naming its databases."""

    machi: Machi
    url: str
    settings: MachiSettings

    def login(self, email: str, password: str) -> httpx.Client:
        """A client carrying a fresh access token of this user."""
        http = httpx.Client(base_url=self.url, timeout=30)
        token = http.post("/v1/auth/token", json={"email": email, "password": password})
        assert token.status_code == 200, token.text
        http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        return http

    def openapi(self, timeout: float = 120) -> dict[str, Any]:
        """The merged document once every service's part is in (a slow service is left out of
        one answer and asked again on the next)."""
        deadline = time.monotonic() + timeout
        while True:
            response = httpx.get(f"{self.url}/openapi.json", timeout=60)
            assert response.status_code == 200, response.text
            document: dict[str, Any] = response.json()
            if all(path in document["paths"] for path in ONE_PATH_OF_EACH_SERVICE):
                return document
            assert time.monotonic() < deadline, "a service's OpenAPI is still missing"
            time.sleep(1)

    def seeded_admin(self) -> httpx.Client:
        """The demo town's admin (cli/src/machi_cli/seed.py)."""
        return self.login(*seed.ADMIN)

    def operator(self) -> httpx.Client:
        """The platform operator seeded with the demo town."""
        return self.login(*seed.OPERATOR)

    def new_tenant(
        self, slug: str, roles: tuple[str, ...] = ("admin",), store_domains: Sequence[str] = ()
    ) -> uuid.UUID:
        """A new town with one user `admin@<slug>.example` holding `roles` (its store domains
        set as the operator sets them)."""

        async def create() -> uuid.UUID:
            db = Database(self.settings.app_url("gateway"), pool_size=1)
            try:
                tenant = await gateway_bootstrap.create_tenant(
                    db,
                    slug,
                    {"en": slug.title(), "ja": slug},
                    timezone="Asia/Tokyo",
                    population=50_000,
                    limits={"active_products": 500},
                    allowed_store_domains=list(store_domains),
                )
                await gateway_bootstrap.create_user(
                    db, tenant, f"admin@{slug}.example", PASSWORD, list(roles)
                )
                return tenant
            finally:
                await db.dispose()

        return asyncio.run(create())

    def tenant_admin(self, slug: str, store_domains: Sequence[str] = ()) -> httpx.Client:
        """A new town and its admin, logged in."""
        self.new_tenant(slug, store_domains=store_domains)
        return self.login(f"admin@{slug}.example", PASSWORD)


def all_in_one(
    pg_server_url: str,
    tmp: Path,
    extra: dict[str, str] | None = None,
    allow_hosts: Sequence[str] = (),
) -> Iterator[Platform]:
    """Start `machi run --target=all` (migrates and seeds), yield it, stop it, drop its data
    (`extra`: more settings, e.g. platforms pointed at fakes; `allow_hosts`: loopback servers
    user-supplied URLs may reach, with the platform's own address, whose media the publisher
    fetches to upload)."""
    tag = uuid.uuid4().hex[:8]
    env = base_env(pg_server_url, f"t{tag}_", tmp / "signing-key.pem")
    env.update(LIMITS)
    env.update(CATALOG_MEDIA_DIR=str(tmp / "media"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env.update(
        # media URLs in posts point at this run, so the platforms' uploads can fetch them
        CATALOG_PUBLIC_BASE_URL=url,
        PUBLISHER_OAUTH_REDIRECT_BASE=f"{url}/console/channels/oauth",
        **(extra or {}),
    )
    if allow_hosts:
        env["OUTBOUND_ALLOW_HOSTS"] = json.dumps([*allow_hosts, f"127.0.0.1:{port}"])
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"t{tag}_", _env_file=None)
    machi = Machi(env, tmp)
    with running(machi, settings):
        machi.start("all", "--target=all", "--port", str(port))
        wait_http(f"{url}/readyz", timeout=180)
        yield Platform(machi, url, settings)
