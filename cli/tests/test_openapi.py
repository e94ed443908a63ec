"""`machi openapi`: the merged document built offline, its committed snapshot, and the check
that fails on an unintended change and, separately, on a breaking one."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from machi_cli import openapi
from machi_cli.main import app

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / openapi.SNAPSHOT
RESOURCE_ACTION = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
Document = dict[str, Any]


@pytest.fixture(scope="module")
def document() -> Document:
    return openapi.document()


@pytest.fixture(scope="module")
def snapshot() -> Document:
    loaded: Document = json.loads(SNAPSHOT.read_text())
    return loaded


def operations(doc: Document) -> list[tuple[str, str, Document]]:
    return [
        (method, path, operation)
        for path, item in doc["paths"].items()
        for method, operation in item.items()
        if method in openapi.METHODS
    ]


def test_document_equals_the_committed_snapshot(document: Document) -> None:
    assert openapi.dumps(document) == SNAPSHOT.read_text(), (
        f"{openapi.SNAPSHOT} is not the API the code serves: if the change is intended,"
        f" run `{openapi.REFRESH}` and commit the file"
    )


def test_document_breaks_nothing_the_snapshot_promised(
    document: Document, snapshot: Document
) -> None:
    assert openapi.breaking_changes(snapshot, document) == []


def test_breaking_check_fails_when_a_response_field_is_removed(snapshot: Document) -> None:
    changed = copy.deepcopy(snapshot)
    del changed["components"]["schemas"]["ProductRead"]["properties"]["slug"]

    found = openapi.breaking_changes(snapshot, changed)

    assert "GET /v1/products/{product_id} answer: field 'slug' removed" in found


def test_breaking_check_fails_when_a_request_field_becomes_required(snapshot: Document) -> None:
    changed = copy.deepcopy(snapshot)
    changed["components"]["schemas"]["ProductCreate"]["required"].append("tags")

    found = openapi.breaking_changes(snapshot, changed)

    assert "POST /v1/products: field 'tags' now required" in found


def test_breaking_check_fails_when_a_path_or_operation_is_removed(snapshot: Document) -> None:
    changed = copy.deepcopy(snapshot)
    del changed["paths"]["/v1/slots/next"]
    del changed["paths"]["/v1/posts/{post_id}"]["patch"]

    found = openapi.breaking_changes(snapshot, changed)

    assert "/v1/slots/next: path removed" in found
    assert "PATCH /v1/posts/{post_id}: operation removed" in found


def test_a_new_optional_field_is_no_breaking_change(snapshot: Document) -> None:
    changed = copy.deepcopy(snapshot)
    changed["components"]["schemas"]["ProductCreate"]["properties"]["color"] = {"type": "string"}

    assert openapi.breaking_changes(snapshot, changed) == []


def test_machi_openapi_prints_the_document_offline(document: Document) -> None:
    result = CliRunner().invoke(app, ["openapi"], env={"DATABASE_URL": ""})

    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json.loads(openapi.dumps(document))


def test_operation_ids_are_unique_and_read_resource_action(document: Document) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(document)]

    assert len(ids) == len(set(ids))
    assert [i for i in ids if not RESOURCE_ACTION.match(i)] == []
    for method, path, name in [
        ("get", "/v1/products", "products_list"),
        ("post", "/v1/products", "products_create"),
        ("get", "/v1/products/{product_id}", "products_get"),
        ("patch", "/v1/products/{product_id}", "products_update"),
        ("post", "/v1/posts/{post_id}/approve", "posts_approve"),
        ("get", "/v1/reports/overview", "reports_overview"),
    ]:
        assert document["paths"][path][method]["operationId"] == name


def test_every_operation_has_one_described_tag(document: Document) -> None:
    described = {tag["name"] for tag in document["tags"] if tag.get("description")}

    for method, path, operation in operations(document):
        assert len(operation["tags"]) == 1, f"{method} {path}"
        assert operation["tags"][0] in described, f"{method} {path}"


def test_posts_document_the_publishers_media_shape(document: Document) -> None:
    body = document["paths"]["/v1/posts"]["post"]["requestBody"]["content"]["application/json"]
    create = document["components"]["schemas"][body["schema"]["$ref"].rsplit("/", 1)[-1]]
    media = document["components"]["schemas"][create["properties"]["media"]["items"]["$ref"][21:]]

    assert set(media["properties"]) == {"url", "width", "height", "type", "alt", "bytes"}


def test_public_pages_have_full_response_schemas(document: Document) -> None:
    for path in ("/public/{town}", "/public/{town}/store", "/public/{town}/products/{slug}"):
        answer = document["paths"][path]["get"]["responses"]["200"]
        ref = answer["content"]["application/json"]["schema"]["$ref"]
        schema = document["components"]["schemas"][ref.rsplit("/", 1)[-1]]
        assert {"town"} < set(schema["properties"]), path
        assert "ETag" in answer["headers"], path


def test_writes_forwarded_by_the_gateway_take_an_idempotency_key(document: Document) -> None:
    parameters = document["paths"]["/v1/posts"]["post"]["parameters"]

    assert {"$ref": "#/components/parameters/IdempotencyKey"} in parameters
    assert document["components"]["parameters"]["IdempotencyKey"]["required"] is False


def test_channel_creation_tells_each_platforms_fields(document: Document) -> None:
    schemas = document["components"]["schemas"]
    body = document["paths"]["/v1/channels"]["post"]["requestBody"]["content"]["application/json"]
    union = body["schema"]

    assert union["discriminator"]["propertyName"] == "platform"
    assert "instance_url" in schemas["MastodonConfig"]["required"]
    assert "access_token" in schemas["LineCredentials"]["required"]
    assert "refresh_token" in schemas["XCredentials"]["properties"]
