import asyncio
import socket
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from gateway.routes import ROUTES, match
from kit.errors import type_uri

from .support import EchoService, GatewayFactory, Town, auth_headers, bearer


def headers_of(echoed: dict[str, object]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for name, value in echoed["headers"]:  # type: ignore[attr-defined]
        seen.setdefault(name, []).append(value)
    return seen


class TestRoutingTable:
    @pytest.mark.parametrize(
        ("path", "upstream"),
        [
            ("/v1/products", "catalog"),
            ("/v1/products/42/publish", "catalog"),
            ("/v1/products/publish", "catalog"),
            ("/v1/posts", "publisher"),
            ("/v1/reports/products", "analytics"),
            ("/v1/productsx", None),
            ("/v1/me", None),
        ],
    )
    def test_prefix_matches_exact_path_and_below_only(
        self, path: str, upstream: str | None
    ) -> None:
        route = match(path)
        assert (route.upstream if route else None) == upstream

    def test_every_route_names_a_known_service(self) -> None:
        assert {r.upstream for r in ROUTES} == {"catalog", "publisher", "analytics"}


class TestForwarding:
    async def test_request_reaches_the_service_with_an_internal_token_for_it(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        me = (await http.get("/v1/me", headers=admin)).json()

        for path, service in (("/v1/products", "catalog"), ("/v1/posts/1", "publisher")):
            response = await http.get(path, headers=admin)
            assert response.status_code == 200, response.text
            echoed = response.json()
            # The stand-in verified the token for its own audience, or it would have said 401.
            assert echoed["service"] == service
            assert echoed["caller"] == {
                "sub": me["sub"],
                "kind": "user",
                "tenant_id": str(town.id),
                "roles": ["admin"],
                "limits": me["limits"],
            }
            assert echoed["caller"]["limits"]["active_products"] == 100

    async def test_client_credentials_and_internal_headers_are_not_forwarded(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        response = await http.get(
            "/v1/products",
            headers={
                **admin,
                "X-API-Key": "mk_00000000_forged",
                "Cookie": "session=abc",
                "X-Internal-User": "operator",
                "X-Internal-Tenant-Id": "00000000-0000-0000-0000-000000000000",
                "Connection": "keep-alive, X-Hop",
                "X-Hop": "only for the next hop",
                "Proxy-Authorization": "Basic eDp5",
                "X-Request-ID": "client-chosen-id",
            },
        )
        assert response.status_code == 200, response.text
        seen = headers_of(response.json())
        for name in ("x-api-key", "cookie", "x-hop", "proxy-authorization"):
            assert name not in seen
        # httpx sets its own `Connection` for its hop; the client's one is not forwarded.
        assert seen.get("connection", []) != ["keep-alive, X-Hop"]
        assert not [n for n in seen if n.startswith("x-internal-")]
        (authorization,) = seen["authorization"]
        assert authorization != admin["Authorization"]
        assert seen["x-request-id"] == ["client-chosen-id"]

    async def test_method_query_and_body_are_forwarded(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        response = await http.post(
            "/v1/imports/csv?dry_run=true&tag=a&tag=b",
            content=b"slug,name\nonsen-tofu,Onsen tofu\n",
            headers={**admin, "Content-Type": "text/csv", "Idempotency-Key": "k1"},
        )
        echoed = response.json()
        assert (echoed["method"], echoed["path"]) == ("POST", "/v1/imports/csv")
        assert echoed["query"] == "dry_run=true&tag=a&tag=b"
        assert echoed["body"] == "slug,name\nonsen-tofu,Onsen tofu\n"
        seen = headers_of(echoed)
        assert seen["content-type"] == ["text/csv"]
        assert seen["idempotency-key"] == ["k1"]

    async def test_service_status_and_headers_come_back_without_hop_by_hop_ones(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        response = await http.get("/v1/links?status=201", headers=admin)
        assert response.status_code == 201
        assert response.headers["x-echo"] == "analytics"
        assert "keep-alive" not in response.headers
        assert len(response.headers.get_list("x-request-id")) == 1
        assert response.headers["x-request-id"] != "upstream"

    async def test_api_key_caller_is_forwarded_as_a_key(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        created = await http.post(
            "/v1/api-keys",
            json={"name": "sync", "roles": ["editor"]},
            headers=await auth_headers(http, town.admin_email),
        )
        key = created.json()["key"]
        response = await http.get("/v1/channels", headers={"X-API-Key": key})
        caller = response.json()["caller"]
        assert (caller["kind"], caller["sub"], caller["roles"]) == (
            "key",
            created.json()["id"],
            ["editor"],
        )


class TestRefusals:
    async def test_unauthenticated_request_is_401_and_never_reaches_the_service(
        self, http: httpx.AsyncClient, services: dict[str, EchoService]
    ) -> None:
        before = services["catalog"].calls
        response = await http.get("/v1/products")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert services["catalog"].calls == before

    async def test_bad_token_is_401(self, http: httpx.AsyncClient) -> None:
        response = await http.get("/v1/products", headers=bearer("not-a-jwt"))
        assert response.status_code == 401

    async def test_internal_tokens_are_reused_until_the_caller_changes(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        def token_of(response: httpx.Response) -> str:
            assert response.status_code == 200, response.text
            (authorization,) = headers_of(response.json())["authorization"]
            return authorization

        photo = f"/v1/media/{uuid.uuid4()}/thumb"
        visits = [token_of(await http.get(photo)) for _ in range(2)]
        admin = await auth_headers(http, town.admin_email)
        calls = [token_of(await http.get("/v1/products", headers=admin)) for _ in range(2)]

        # No fresh signature per request: the same caller's token is sent again (and a service's
        # verified-token cache hits); another caller gets their own.
        assert visits[0] == visits[1]
        assert calls[0] == calls[1]
        assert visits[0] != calls[0]

    async def test_path_outside_the_table_is_404(self, http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(http, town.admin_email)
        assert (await http.get("/v1/productsx", headers=admin)).status_code == 404


@pytest.fixture
def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
async def silent_server_url() -> AsyncIterator[str]:
    """A real TCP server that accepts connections and never answers."""

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.read()
        finally:
            writer.close()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()


class TestUpstreamFailures:
    async def test_unreachable_service_is_502(
        self, gateway_with: GatewayFactory, closed_port_url: str, town: Town
    ) -> None:
        http = await gateway_with({"catalog": httpx.AsyncClient(base_url=closed_port_url)})
        response = await http.get(
            "/v1/products", headers=await auth_headers(http, town.admin_email)
        )
        assert response.status_code == 502
        assert response.json()["type"] == type_uri("upstream-unavailable")

    async def test_service_that_does_not_answer_in_time_is_504(
        self, gateway_with: GatewayFactory, silent_server_url: str, town: Town
    ) -> None:
        http = await gateway_with({"catalog": httpx.AsyncClient(base_url=silent_server_url)})
        response = await http.get(
            "/v1/products", headers=await auth_headers(http, town.admin_email)
        )
        assert response.status_code == 504
        assert response.json()["type"] == type_uri("upstream-timeout")

    async def test_service_missing_from_the_upstreams_is_502(
        self, gateway_with: GatewayFactory, town: Town
    ) -> None:
        http = await gateway_with({})
        response = await http.get("/v1/posts", headers=await auth_headers(http, town.admin_email))
        assert response.status_code == 502
