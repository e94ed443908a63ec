"""Secrets never reach the log: a gateway + publisher flow (password login, API key, a channel
connected with its token, and the mistakes people make with them) logged at DEBUG, then grepped
for every secret it handled; and the guard itself on the shapes secrets take in log calls."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator

import httpx
import pytest

from gateway import bootstrap as gateway_bootstrap
from gateway.app import create_app as create_gateway
from gateway.settings import GatewaySettings
from kit import logs
from kit.auth import TokenSigner, TokenVerifier
from kit.events.memory import MemoryBus
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from kit.testing.plugin import migrate
from publisher.app import create_app as create_publisher
from publisher.settings import PublisherSettings

SEALING_KEY = "bG9nLXJlZGFjdGlvbi10ZXN0LWtleS0zMi1ieXRlcyE="


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Every log line of the process, as production writes them (JSON), at DEBUG."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    logs.configure("DEBUG")
    buffer = io.StringIO()
    handler = root.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    quiet = ("aiormq", "aio_pika", "httpx", "uvicorn.access")
    for name in quiet:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield buffer
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name in quiet:
            logging.getLogger(name).setLevel(logging.NOTSET)


async def test_a_full_flow_logs_no_password_key_or_token(
    captured: io.StringIO,
    machi_settings: MachiSettings,
    migrated_services: set[str],
    signer: TokenSigner,
) -> None:
    for name in ("gateway", "publisher"):
        await migrate(machi_settings, migrated_services, name)
    slug = f"redact-{uuid.uuid4().hex[:8]}"
    email, password = f"admin@{slug}.example", f"pw-{uuid.uuid4().hex}"
    line_token = f"line-channel-token-{uuid.uuid4().hex}"
    gateway_rt = ServiceRuntime.create("gateway", machi_settings, bus=MemoryBus())
    verifier = TokenVerifier("publisher", issuer=signer.issuer, jwks=signer.jwks())
    publisher_rt = ServiceRuntime.create(
        "publisher", machi_settings, bus=MemoryBus(), verifier=verifier
    )
    publisher = create_publisher(
        publisher_rt,
        PublisherSettings(
            _env_file=None, secret_keys=SEALING_KEY, public_base_url="https://machi.test"
        ),
    )
    upstream = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=publisher), base_url="http://publisher"
    )
    gateway = create_gateway(
        gateway_rt, GatewaySettings(_env_file=None), signer, {"publisher": upstream}
    )
    secrets: list[str] = [password, line_token]
    try:
        tenant = await gateway_bootstrap.create_tenant(
            gateway_rt.db, slug, {"en": "Redact"}, population=1_000, limits={}
        )
        await gateway_bootstrap.create_user(gateway_rt.db, tenant, email, password, ["admin"])
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=gateway), base_url="http://gw"
        ) as http:
            wrong = await http.post(
                "/v1/auth/token", json={"email": email, "password": password + "x"}
            )
            assert wrong.status_code == 401
            secrets.append(password + "x")
            login = await http.post("/v1/auth/token", json={"email": email, "password": password})
            assert login.status_code == 200, login.text
            tokens = login.json()
            secrets += [tokens["access_token"], tokens["refresh_token"]]
            user = {"Authorization": f"Bearer {tokens['access_token']}"}
            made = await http.post(
                "/v1/api-keys", json={"name": "sync", "roles": ["admin"]}, headers=user
            )
            assert made.status_code == 201, made.text
            key = made.json()["key"]
            secrets.append(key)
            secrets.append(key.split("_", 2)[2])
            channel = await http.post(
                "/v1/channels",
                json={
                    "platform": "line",
                    "name": "Redact LINE",
                    "credentials": {"access_token": line_token},
                },
                headers={"X-API-Key": key},
            )
            assert channel.status_code == 201, channel.text
            # Mistakes: a bad body echoing the token, a forged key, a token in a query string.
            bad = await http.post(
                "/v1/channels",
                json={"platform": "nope", "credentials": {"access_token": line_token}},
                headers={"X-API-Key": key},
            )
            assert bad.status_code == 422
            forged = key[:-4] + "abcd"
            secrets.append(forged)
            assert (await http.get("/v1/me", headers={"X-API-Key": forged})).status_code == 401
            query = await http.get("/v1/channels", params={"access_token": line_token})
            assert query.status_code == 401
    finally:
        await upstream.aclose()
        await gateway_rt.close()
        await publisher_rt.close()

    written = captured.getvalue()
    lines = [json.loads(line) for line in written.splitlines()]
    routes = {line.get("route") for line in lines if line.get("msg") == "request"}
    assert {"/v1/auth/token", "/v1/api-keys", "/v1/channels"} <= routes  # the flow was logged
    assert all("request_id" in line for line in lines if line.get("msg") == "request")
    leaked = [secret for secret in secrets if secret in written]
    assert leaked == []


@pytest.mark.parametrize(
    ("message", "args", "extra", "secret"),
    [
        ("login for %s", ("a@b.c",), {"password": "hunter2-pw"}, "hunter2-pw"),
        ("upstream said %s", ({"access_token": "at-123456"},), {}, "at-123456"),
        ("refresh", (), {"body": {"refresh_token": "rt-123456"}}, "rt-123456"),
        ("oauth", (), {"form": {"client_secret": "cs-123456"}}, "cs-123456"),
        ("headers %s", ([("authorization", "Bearer tok-123456")],), {}, "tok-123456"),
        ("call %s", ("https://x.test/cb?code=oauth-code-1&state=s",), {}, "oauth-code-1"),
        ("key %s rejected", ("mk_0123abcd_SeCrEt-key_value",), {}, "SeCrEt-key_value"),
        ("jwt %s", ("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",), {}, "eyJzdWIiOiIxIn0"),
        ("call failed: %r", (ValueError("api_key='k-123456' refused"),), {}, "k-123456"),
        ("headers", (), {"headers": {"X-API-Key": "mk_ffffffff_abcdef"}}, "abcdef"),
    ],
)
def test_the_guard_masks_secrets_in_messages_and_fields(
    message: str, args: tuple[object, ...], extra: dict[str, object], secret: str
) -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    line = logs.JsonFormatter().format(record)
    assert secret not in line
    assert logs.REDACTED in line
    json.loads(line)  # still one JSON document
