import httpx

from gateway.settings import GatewaySettings
from kit.errors import type_uri

from .support import EchoService, GatewayFactory, Town, auth_headers

FRONTEND = "https://takeo.example"


async def test_responses_carry_security_headers(http: httpx.AsyncClient) -> None:
    response = await http.get("/healthz")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert response.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert "strict-transport-security" not in response.headers  # plain http: never HSTS


async def test_hsts_over_https(gateway_with: GatewayFactory) -> None:
    http = await gateway_with({}, base_url="https://gw")
    response = await http.get("/healthz")
    assert response.headers["strict-transport-security"].startswith("max-age=")


async def test_cors_admits_configured_origins_only(
    gateway_with: GatewayFactory, gateway_settings: GatewaySettings
) -> None:
    settings = gateway_settings.model_copy(
        update={"gateway_cors_origins": f"{FRONTEND}, https://b.example"}
    )
    http = await gateway_with({}, settings=settings)
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization",
    }

    allowed = await http.options("/v1/auth/token", headers={"Origin": FRONTEND, **preflight})
    refused = await http.options(
        "/v1/auth/token", headers={"Origin": "https://evil.example", **preflight}
    )

    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == FRONTEND
    assert "access-control-allow-origin" not in refused.headers
    simple = await http.get("/healthz", headers={"Origin": FRONTEND})
    assert simple.headers["access-control-allow-origin"] == FRONTEND


async def test_body_over_the_limit_is_413(
    gateway_with: GatewayFactory,
    gateway_settings: GatewaySettings,
    services: dict[str, EchoService],
    town: Town,
) -> None:
    settings = gateway_settings.model_copy(update={"gateway_max_body_bytes": 1024})
    http = await gateway_with({n: s.client() for n, s in services.items()}, settings=settings)
    admin = await auth_headers(http, town.admin_email)
    before = services["catalog"].calls

    declared = await http.post("/v1/imports", content=b"x" * 2048, headers=admin)
    # A declared length over the limit never reaches the service.
    assert services["catalog"].calls == before

    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(4):
            yield b"y" * 512

    streamed = await http.post("/v1/imports", content=chunks(), headers=admin)

    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["type"] == type_uri("payload-too-large")
    small = await http.post("/v1/imports", content=b"z" * 100, headers=admin)
    assert small.status_code == 200
