import time
import uuid

import httpx
import jwt
import pytest
from fastapi import APIRouter

from kit import policy
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier, generate_private_key
from kit.db import Database
from kit.errors import Unauthorized, type_uri
from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from kit.testing.plugin import ISSUER, principal


def verifier(signer: TokenSigner, audience: str = "catalog") -> TokenVerifier:
    return TokenVerifier(audience, issuer=ISSUER, jwks=signer.jwks())


async def test_token_round_trips_the_principal(signer: TokenSigner) -> None:
    tenant = uuid.uuid4()
    sent = InternalPrincipal(
        sub="u1",
        kind="user",
        tenant_id=tenant,
        roles=frozenset({"editor"}),
        limits={"active_products": 100},
        producer_ids=frozenset({tenant}),
    )
    got = await verifier(signer).verify(signer.mint(sent, "catalog"))
    assert got == sent


async def test_token_for_another_service_is_refused(signer: TokenSigner) -> None:
    token = signer.mint(principal(uuid.uuid4()), "publisher")
    with pytest.raises(Unauthorized):
        await verifier(signer, "catalog").verify(token)


async def test_expired_token_is_refused() -> None:
    short = TokenSigner(generate_private_key(), issuer=ISSUER, ttl_seconds=-1)
    with pytest.raises(Unauthorized, match="expired"):
        await verifier(short).verify(short.mint(principal(None), "catalog"))


async def test_token_signed_by_an_unknown_key_is_refused(signer: TokenSigner) -> None:
    stranger = TokenSigner(generate_private_key(), issuer=ISSUER)
    with pytest.raises(Unauthorized):
        await verifier(signer).verify(stranger.mint(principal(None), "catalog"))


async def test_unsigned_token_is_refused(signer: TokenSigner) -> None:
    now = int(time.time())
    claims = {"sub": "x", "aud": "catalog", "iss": ISSUER, "iat": now, "exp": now + 60}
    token = jwt.encode(claims, key="", algorithm="none", headers={"kid": signer.kid})
    with pytest.raises(Unauthorized):
        await verifier(signer).verify(token)


async def test_unknown_kid_refetches_the_jwks(signer: TokenSigner) -> None:
    rotated = TokenSigner(generate_private_key(), issuer=ISSUER)

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=rotated.jwks())

    fresh = TokenVerifier(
        "catalog",
        issuer=ISSUER,
        jwks=signer.jwks(),
        jwks_url="http://gateway/.well-known/jwks.json",
        transport=httpx.MockTransport(serve),
    )
    got = await fresh.verify(rotated.mint(principal(None), "catalog"))
    assert got.sub


async def test_a_key_the_gateway_stops_publishing_stops_being_trusted(
    signer: TokenSigner,
) -> None:
    successor = TokenSigner(generate_private_key(), issuer=ISSUER)
    published = {"jwks": signer.jwks()}

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=published["jwks"])

    service = TokenVerifier(
        "catalog",
        issuer=ISSUER,
        jwks_url="http://gateway/.well-known/jwks.json",
        transport=httpx.MockTransport(serve),
    )
    service.REFRESH_INTERVAL_SECONDS = service.KEY_MAX_AGE_SECONDS = 0.0  # check on every call
    verified_before = signer.mint(principal(None), "catalog")
    assert (await service.verify(verified_before)).sub
    published["jwks"] = successor.jwks()  # the old key retired and withdrawn
    for token in (verified_before, signer.mint(principal(None), "catalog")):
        with pytest.raises(Unauthorized, match="unknown signing key"):
            await service.verify(token)
    assert (await service.verify(successor.mint(principal(None), "catalog"))).sub


async def test_an_unreachable_gateway_keeps_the_keys_held(signer: TokenSigner) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    service = TokenVerifier(
        "catalog",
        issuer=ISSUER,
        jwks=signer.jwks(),
        jwks_url="http://gateway/.well-known/jwks.json",
        transport=httpx.MockTransport(down),
    )
    service.REFRESH_INTERVAL_SECONDS = service.KEY_MAX_AGE_SECONDS = 0.0
    assert (await service.verify(signer.mint(principal(None), "catalog"))).sub


@pytest.fixture
async def service_client(
    kit_db: Database, machi_settings: MachiSettings, signer: TokenSigner
) -> httpx.AsyncClient:
    router = APIRouter()

    @router.get("/v1/whoami")
    async def whoami() -> dict[str, str]:
        return {"ok": "yes"}

    runtime = ServiceRuntime("kittest", machi_settings, kit_db, verifier(signer, "kittest"))
    table = {("GET", "/v1/whoami"): policy.Rule(policy.ROLES, None)}
    app = create_service_app(runtime, [router], title="kit test", table=table)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://svc")


async def test_request_without_token_is_401_problem_whatever_headers(
    service_client: httpx.AsyncClient,
) -> None:
    response = await service_client.get(
        "/v1/whoami", headers={"X-Tenant-Id": str(uuid.uuid4()), "X-User": "admin"}
    )
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == type_uri("unauthorized")


async def test_request_with_valid_token_passes(
    service_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    token = signer.mint(principal(uuid.uuid4()), "kittest")
    response = await service_client.get(
        "/v1/whoami", headers={"Authorization": f"Bearer {token}", "X-Request-ID": "abc"}
    )
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "abc"


async def test_readyz_checks_the_database(service_client: httpx.AsyncClient) -> None:
    response = await service_client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok"}


class BrokerAway:
    async def ping(self) -> None:
        raise ConnectionError("broker restarting")


async def test_an_api_stays_ready_while_the_broker_is_away(
    kit_db: Database, machi_settings: MachiSettings, signer: TokenSigner
) -> None:
    runtime = ServiceRuntime(
        "kittest", machi_settings, kit_db, verifier(signer, "kittest"), bus=BrokerAway()
    )
    app = create_service_app(runtime, [], title="kit test")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s") as c:
        response = await c.get("/readyz")
        metrics = (await c.get("/metrics")).text
    assert response.status_code == 200, response.text
    assert response.json()["watched"] == {"broker": "failed: ConnectionError"}
    assert 'machi_dependency_up{dependency="broker"} 0.0' in metrics


async def test_metrics_count_requests(service_client: httpx.AsyncClient) -> None:
    await service_client.get("/v1/whoami")
    body = (await service_client.get("/metrics")).text
    assert 'machi_http_requests_total{method="GET",route="/v1/whoami",service="kittest"' in body


async def test_role_requirement_is_a_403_problem(
    kit_db: Database, machi_settings: MachiSettings, signer: TokenSigner
) -> None:
    router = APIRouter()

    @router.post("/v1/things")
    async def write() -> dict[str, str]:
        return {"ok": "yes"}

    runtime = ServiceRuntime("kittest", machi_settings, kit_db, verifier(signer, "kittest"))
    table = {("POST", "/v1/things"): policy.write("catalog", policy.EDITORS)}
    app = create_service_app(runtime, [router], title="kit test", table=table)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s") as c:
        analyst = signer.mint(principal(uuid.uuid4(), roles=("analyst",)), "kittest")
        editor = signer.mint(principal(uuid.uuid4(), roles=("editor",)), "kittest")
        refused = await c.post("/v1/things", headers={"Authorization": f"Bearer {analyst}"})
        allowed = await c.post("/v1/things", headers={"Authorization": f"Bearer {editor}"})
    assert refused.status_code == 403
    assert refused.json()["type"] == type_uri("forbidden")
    assert allowed.status_code == 200
