"""`machi run --target=gateway --seed` seeds the demo town when the services are other processes.

The services verify the gateway's tokens with the keys it serves at `JWKS_URL`, so the seed has
to wait until the gateway listens and the services accept its tokens (it used to run before,
and the first catalog call answered 401).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kit.settings import MachiSettings
from machi_cli import seed

from .conftest import delete_queues, drop_databases
from .processes import Machi, base_env, free_port, wait_http

SERVICES = ("catalog", "publisher", "analytics")
pytestmark = pytest.mark.timeout(900)  # five processes start on a loaded machine


@pytest.fixture(scope="module")
def seeded_split(
    pg_server_url: str, amqp_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Machi, str]]:
    """Each service its own process over RabbitMQ, started first; then the gateway with --seed."""
    tag = uuid.uuid4().hex[:8]
    tmp: Path = tmp_path_factory.mktemp("split-seed")
    ports = {name: free_port() for name in ("gateway", *SERVICES)}
    gateway_url = f"http://127.0.0.1:{ports['gateway']}"
    env = base_env(pg_server_url, f"s{tag}_", tmp / "signing-key.pem")
    env.update(
        AMQP_URL=amqp_url,
        EVENTS_PREFIX=f"s{tag}.",
        JWKS_URL=f"{gateway_url}/.well-known/jwks.json",
        CATALOG_MEDIA_DIR=str(tmp / "media"),
        **{f"{s.upper()}_URL": f"http://127.0.0.1:{ports[s]}" for s in SERVICES},
    )
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"s{tag}_", _env_file=None)  # type: ignore[call-arg]
    machi = Machi(env, tmp)
    try:
        machi.command("migrate")
        for service in SERVICES:
            machi.start(service, f"--target={service}", "--port", str(ports[service]))
        for service in SERVICES:
            wait_http(f"http://127.0.0.1:{ports[service]}/healthz")
        machi.start(
            "gateway", "--target=gateway,gateway-relay", "--seed", "--port", str(ports["gateway"])
        )
        yield machi, gateway_url
    except BaseException:
        print(machi.logs())
        raise
    finally:
        machi.stop_all()
        drop_databases(settings)
        delete_queues(amqp_url, f"s{tag}.")


def demo_admin(machi: Machi, url: str, timeout: float = 200) -> httpx.Client:
    """The demo town's admin, logged in once the seed has made the account."""
    http = httpx.Client(base_url=url, timeout=30)
    deadline = time.monotonic() + timeout
    while True:
        assert machi.procs["gateway"].poll() is None, f"the gateway exited:\n{machi.logs()}"
        try:
            token = http.post(
                "/v1/auth/token", json={"email": seed.ADMIN[0], "password": seed.ADMIN[1]}
            )
            if token.status_code == 200:
                http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
                return http
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "the demo town's admin was never created"
        time.sleep(0.5)


def test_gateway_with_seed_seeds_the_demo_town_over_separate_service_processes(
    seeded_split: tuple[Machi, str],
) -> None:
    machi, url = seeded_split
    admin = demo_admin(machi, url)
    deadline = time.monotonic() + 200
    while len(admin.get("/v1/products", params={"limit": 100}).json().get("items", [])) < 3:
        assert machi.procs["gateway"].poll() is None, f"the gateway exited:\n{machi.logs()}"
        assert time.monotonic() < deadline, "the demo catalog was never seeded"
        time.sleep(1)

    products = admin.get("/v1/products", params={"limit": 100}).json()["items"]
    assert {p["slug"] for p in products} >= {"aged-black-garlic", "onsen-tofu", "lemongrass-tea"}
    assert {p["status"] for p in products} == {"published"}
    assert machi.procs["gateway"].poll() is None
    wait_http(f"{url}/readyz")
