"""`machi run --target=gateway --seed` seeds the demo town when the services are other processes,
with its playbook (categories, post templates, channel plans) and product photos.

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
from kit.testing.fakes import free_port
from machi_cli import seed

from .processes import Machi, base_env, running, wait_http

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
        CATALOG_PUBLIC_BASE_URL=gateway_url,
        **{f"{s.upper()}_URL": f"http://127.0.0.1:{ports[s]}" for s in SERVICES},
    )
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"s{tag}_", _env_file=None)  # type: ignore[call-arg]
    machi = Machi(env, tmp)
    with running(machi, settings, amqp_url, f"s{tag}."):
        machi.command("migrate")
        for service in SERVICES:
            machi.start(service, f"--target={service}", "--port", str(ports[service]))
        for service in SERVICES:
            wait_http(f"http://127.0.0.1:{ports[service]}/healthz")
        machi.start(
            "gateway", "--target=gateway,gateway-relay", "--seed", "--port", str(ports["gateway"])
        )
        yield machi, gateway_url


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


def seeded_admin(machi: Machi, url: str, timeout: float = 200) -> httpx.Client:
    """The demo town's admin once the seed has made its three products (its last step)."""
    admin = demo_admin(machi, url)
    deadline = time.monotonic() + timeout
    while len(admin.get("/v1/products", params={"limit": 100}).json().get("items", [])) < 3:
        assert machi.procs["gateway"].poll() is None, f"the gateway exited:\n{machi.logs()}"
        assert time.monotonic() < deadline, "the demo catalog was never seeded"
        time.sleep(1)
    return admin


def test_gateway_with_seed_seeds_the_demo_town_over_separate_service_processes(
    seeded_split: tuple[Machi, str],
) -> None:
    machi, url = seeded_split
    admin = seeded_admin(machi, url)

    products = admin.get("/v1/products", params={"limit": 100}).json()["items"]
    assert {p["slug"] for p in products} >= {"aged-black-garlic", "onsen-tofu", "lemongrass-tea"}
    assert {p["status"] for p in products} == {"published"}
    assert machi.procs["gateway"].poll() is None
    wait_http(f"{url}/readyz")


def test_the_demo_towns_playbook_has_categories_templates_and_channel_plans(
    seeded_split: tuple[Machi, str],
) -> None:
    machi, url = seeded_split
    seeded_admin(machi, url)
    operator = httpx.Client(base_url=url, timeout=30)
    token = operator.post(
        "/v1/auth/token", json=dict(zip(("email", "password"), seed.OPERATOR, strict=True))
    )
    operator.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    (town,) = [
        t
        for t in operator.get("/v1/tenants", params={"limit": 200}).json()["items"]
        if t["slug"] == "takeo"
    ]

    exported = operator.get(f"/v1/tenants/{town['id']}/playbook")

    assert exported.status_code == 200, exported.text
    sections = exported.json()["sections"]
    assert {c["slug"] for c in sections["catalog"]["categories"]} >= {"food", "tofu-soy", "crafts"}
    templates = sections["publisher"]["templates"]
    assert len(templates) >= 3
    assert {t["language"] for t in templates} == {"ja", "ko", "en"}
    channels = sections["publisher"]["channels"]
    assert {c["platform"] for c in channels} >= {"facebook_page", "instagram", "x", "line"}
    assert all(c["slots"] for c in channels)
    assert {c["approval_policy"] for c in channels} == {"editor", "none"}


def test_the_demo_products_have_photos_on_the_city_page(seeded_split: tuple[Machi, str]) -> None:
    machi, url = seeded_split
    seeded_admin(machi, url)

    page = httpx.get(f"{url}/public/takeo", timeout=30).json()

    products = page["products"]["items"]
    assert len(products) == 3
    assert all(p["media"] and p["category_id"] for p in products)
    picture = httpx.get(products[0]["media"][0]["urls"]["web"], timeout=30)
    assert picture.status_code == 200
    assert picture.headers["content-type"].startswith("image/")
    assert len(picture.content) > 1000
