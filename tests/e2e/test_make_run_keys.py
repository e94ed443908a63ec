"""`make run` can store secrets: the all-in-one, started with no `*_SECRET_KEYS` (as `make run`
starts it), makes development keys under its `var/` on first start and reuses them after."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import stat
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from kit.secrets import parse_keys
from kit.settings import MachiSettings
from kit.testing.fakes import free_port, serve_in_thread
from kit.testing.platforms import SHOPIFY_TOKEN, FakeShopify
from tests.harness import Platform

from .processes import Machi, base_env, drop_databases, wait_http

KEY_VARIABLES = (
    "CATALOG_SECRET_KEYS",
    "PUBLISHER_SECRET_KEYS",
    "ANALYTICS_SECRET_KEYS",
    "GATEWAY_SECRET_KEYS",
    "WEB_SECRET_KEYS",
)
WEBHOOK_SECRET = "shpss_make_run_webhook_secret"


class MakeRun:
    """`machi run --target=all` in its own directory (its `var/`), startable again."""

    def __init__(self, pg_server_url: str, home: Path) -> None:
        tag = uuid.uuid4().hex[:8]
        env = base_env(pg_server_url, f"t{tag}_", home / "var" / "gateway-signing-key.pem")
        for name in KEY_VARIABLES:  # what `make run` has: no keys at all
            env.pop(name, None)
        env.pop("CATALOG_MEDIA_DIR", None)
        env["OUTBOUND_ALLOW_PRIVATE"] = "true"  # the fake Shopify is on loopback
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.home = home
        self.machi = Machi(env, home, cwd=home)
        self.settings = MachiSettings(
            database_url=pg_server_url, db_name_prefix=f"t{tag}_", _env_file=None
        )

    @property
    def keys_file(self) -> Path:
        return self.home / "var" / "secret-keys.env"

    def start(self) -> Platform:
        self.machi.start("all", "--target=all", "--port", str(self.port))
        wait_http(f"{self.url}/readyz", timeout=180)
        return Platform(self.machi, self.url, self.settings)


@pytest.fixture(scope="module")
def make_run(pg_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MakeRun]:
    run = MakeRun(pg_server_url, tmp_path_factory.mktemp("make-run"))
    try:
        yield run
    except BaseException:
        print(run.machi.logs())
        raise
    finally:
        run.machi.stop_all()
        drop_databases(run.settings)


@pytest.fixture(scope="module")
def shopify() -> Iterator[str]:
    with serve_in_thread(FakeShopify().app) as url:
        yield url


def signed_order(secret: str, order_id: int) -> tuple[bytes, dict[str, str]]:
    """A Shopify `orders/create` webhook body and headers, signed as the store signs it."""
    order = {
        "id": order_id,
        "created_at": datetime.now(UTC).isoformat(),
        "currency": "JPY",
        "total_price": "540",
        "line_items": [{"id": 1, "quantity": 1, "price": "540"}],
    }
    raw = json.dumps(order).encode()
    signature = base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest())
    return raw, {
        "content-type": "application/json",
        "x-shopify-hmac-sha256": signature.decode(),
        "x-shopify-topic": "orders/create",
        "x-shopify-event-id": f"evt-{order_id}",
    }


def webhook_status(url: str, town: str, order_id: int) -> int:
    raw, headers = signed_order(WEBHOOK_SECRET, order_id)
    return httpx.post(f"{url}/webhooks/{town}/shopify", content=raw, headers=headers).status_code


def sync_status(admin: httpx.Client, storefront_id: str) -> httpx.Response:
    return admin.post(f"/v1/storefronts/{storefront_id}/sync")


@pytest.mark.slow
def test_make_run_stores_secrets_under_keys_it_keeps_in_var(
    make_run: MakeRun, shopify: str
) -> None:
    platform = make_run.start()
    town = f"takeo-{uuid.uuid4().hex[:6]}"
    admin = platform.tenant_admin(town)

    stored = admin.put("/v1/settings/webhooks/shopify", json={"secret": WEBHOOK_SECRET})
    assert stored.status_code == 204, stored.text
    storefront = admin.post(
        "/v1/storefronts",
        json={
            "kind": "shopify",
            "name": "Takeo Shopify",
            "api_base_url": shopify,
            "credentials": {"access_token": SHOPIFY_TOKEN},
        },
    )
    assert storefront.status_code == 201, storefront.text
    assert storefront.json()["has_credentials"] is True
    assert SHOPIFY_TOKEN not in storefront.text
    # Each secret opens again: the store accepts the sealed token, the signed webhook verifies.
    assert sync_status(admin, storefront.json()["id"]).status_code == 200
    assert webhook_status(platform.url, town, 1) == 200

    keys_file = make_run.keys_file
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    written = keys_file.read_text()
    for name in KEY_VARIABLES:
        (line,) = [x for x in written.splitlines() if x.startswith(f"{name}=")]
        assert len(parse_keys(line.split("=", 1)[1], name)) == 1

    make_run.machi.stop_all()
    again = make_run.start()
    assert keys_file.read_text() == written  # reused, not made anew
    admin = again.login(f"admin@{town}.example", "correct horse battery")
    # Secrets stored before the restart still open under the reused keys.
    assert sync_status(admin, storefront.json()["id"]).status_code == 200
    assert webhook_status(again.url, town, 2) == 200
