import re

import httpx
import pytest

from gateway import openapi
from gateway.routes import ROUTES, UPSTREAMS
from kit.auth import TokenSigner

from .support import EchoService, GatewayFactory


async def test_merged_document_has_own_and_routed_service_paths(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get("/openapi.json")

    assert response.status_code == 200
    doc = response.json()
    paths = doc["paths"]
    for path in ("/v1/auth/token", "/v1/me", "/v1/api-keys", "/v1/tenants/{tenant_id}"):
        assert path in paths
    for path in ("/v1/producers/notes", "/v1/channels/notes", "/v1/links/notes"):
        assert path in paths
    assert "/internal/only" not in paths
    assert "/readyz" not in paths
    schemas = doc["components"]["schemas"]
    assert "Note" in schemas
    assert "TokenRead" in schemas
    assert paths["/v1/producers/notes"]["post"]["security"] == [{"token": []}, {"apiKey": []}]
    assert set(doc["components"]["securitySchemes"]) == {"token", "apiKey"}


async def test_a_down_service_is_left_out_and_picked_up_later(
    gateway_with: GatewayFactory, services: dict[str, EchoService]
) -> None:
    catalog = services["catalog"].client()
    http = await gateway_with(
        {"catalog": catalog, "publisher": httpx.AsyncClient(base_url="http://127.0.0.1:9")}
    )

    doc = (await http.get("/openapi.json")).json()

    assert "/v1/producers/notes" in doc["paths"]
    assert "/v1/channels/notes" not in doc["paths"]


async def test_docs_page_points_at_the_merged_document(http: httpx.AsyncClient) -> None:
    response = await http.get("/docs")
    assert response.status_code == 200
    assert "/openapi.json" in response.text


async def test_docs_page_loads_swagger_ui_from_the_gateway_itself(http: httpx.AsyncClient) -> None:
    page = (await http.get("/docs")).text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link type="text/css" rel="stylesheet" href="([^"]+)"', page)

    assert scripts
    assert styles
    assert "https://" not in page  # nothing from elsewhere: no CDN, no validator badge
    for url in [*scripts, *styles]:
        assert url.startswith("/docs/assets/"), url  # no CDN: the page works offline
        asset = await http.get(url)
        assert asset.status_code == 200
        assert len(asset.content) > 1000


async def test_jwks_publishes_the_signers_key(http: httpx.AsyncClient, signer: TokenSigner) -> None:
    response = await http.get("/.well-known/jwks.json")
    assert response.status_code == 200
    assert signer.kid in [key["kid"] for key in response.json()["keys"]]


async def test_readyz_checks_the_database_and_reports_every_service(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["checks"] == {"database": "ok"}
    assert response.json()["watched"] == {"catalog": "ok", "publisher": "ok", "analytics": "ok"}


async def test_a_service_down_leaves_the_gateway_ready_and_shows_in_metrics(
    gateway_with: GatewayFactory,
) -> None:
    http = await gateway_with({"catalog": httpx.AsyncClient(base_url="http://127.0.0.1:9")})
    response = await http.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["watched"]["catalog"].startswith("failed")
    metrics = (await http.get("/metrics")).text
    assert 'machi_dependency_up{dependency="catalog"} 0.0' in metrics


async def test_errors_are_documented_as_the_problem_documents_sent(
    http: httpx.AsyncClient,
) -> None:
    doc = (await http.get("/openapi.json")).json()

    responses = doc["paths"]["/v1/producers/notes"]["post"]["responses"]
    assert list(responses["422"]["content"]) == ["application/problem+json"]
    assert list(responses["4XX"]["content"]) == ["application/problem+json"]
    assert "Problem" in doc["components"]["schemas"]


def test_public_service_paths_ask_for_no_credentials() -> None:
    redirect = {"get": {"responses": {"302": {"description": "to the destination"}}}}
    notes = {"post": {"responses": {"200": {"description": "ok"}}}}
    service = {"paths": {"/r/{code}": redirect, "/v1/links/notes": notes}}

    doc = openapi.merge({"paths": {}}, {"analytics": service}, ROUTES)

    assert "security" not in doc["paths"]["/r/{code}"]["get"]
    assert doc["paths"]["/v1/links/notes"]["post"]["security"] == openapi.SECURITY


def test_two_services_defining_one_schema_name_differently_fail_the_merge() -> None:
    catalog = {"components": {"schemas": {"MediaRef": {"properties": {"media_id": {}}}}}}
    publisher = {"components": {"schemas": {"MediaRef": {"properties": {"url": {}}}}}}

    with pytest.raises(openapi.SchemaCollision, match="MediaRef"):
        openapi.merge({"paths": {}}, {"catalog": catalog, "publisher": publisher}, ROUTES)


def test_one_schema_shared_by_two_services_is_merged_once() -> None:
    page = {"properties": {"next_cursor": {"type": "string"}}}
    services = {name: {"components": {"schemas": {"Cursor": page}}} for name in UPSTREAMS}

    doc = openapi.merge({"paths": {}}, services, ROUTES)

    assert doc["components"]["schemas"]["Cursor"] == page


def test_uploaded_files_are_documented_as_binary_for_client_generators() -> None:
    upload = {"type": "string", "contentMediaType": "application/octet-stream"}
    body = {"properties": {"file": upload, "publish": {"type": "boolean"}}}
    catalog = {"components": {"schemas": {"Body_media_create": body}}}

    doc = openapi.merge({"paths": {}}, {"catalog": catalog}, ROUTES)

    fields = doc["components"]["schemas"]["Body_media_create"]["properties"]
    assert fields["file"] == {**upload, "format": "binary"}
    assert fields["publish"] == {"type": "boolean"}
    assert "format" not in upload  # the service's own document is left as it is
