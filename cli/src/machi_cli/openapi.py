"""The merged OpenAPI document built in-process (every app made, none served, nothing
connected), the committed snapshot of it, and what counts as a breaking change against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from gateway import openapi
from gateway.app import create_app as create_gateway
from gateway.routes import ROUTES
from gateway.settings import GatewaySettings
from kit.auth import TokenSigner, TokenVerifier, generate_private_key
from kit.db import Database
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from machi_cli.services import SERVICES

SNAPSHOT = Path("openapi.json")  # at the repository root
REFRESH = "make openapi"
# Never connected to: an engine connects on first use, and building an app uses none.
OFFLINE_DATABASE = "postgresql+asyncpg://offline@127.0.0.1:1/offline"
METHODS = ("get", "put", "post", "delete", "patch", "head")
Document = dict[str, Any]


def offline_runtime(service: str, settings: MachiSettings) -> ServiceRuntime:
    """A service's runtime that never connects: enough to build its app."""
    verifier = TokenVerifier(service, issuer=settings.internal_token_issuer, jwks={"keys": []})
    return ServiceRuntime(service, settings, Database(OFFLINE_DATABASE, pool_size=1), verifier)


def document() -> Document:
    """The document the gateway serves at `/openapi.json`, without any server or database."""
    settings = MachiSettings(database_url=OFFLINE_DATABASE)
    services = {
        name: spec.create_app(offline_runtime(name, settings)).openapi()
        for name, spec in SERVICES.items()
    }
    signer = TokenSigner(generate_private_key(), issuer=settings.internal_token_issuer)
    upstreams: dict[str, httpx.AsyncClient] = {}
    gateway = create_gateway(
        offline_runtime("gateway", settings), GatewaySettings(), signer, upstreams
    )
    return openapi.merge(gateway.openapi(), services, ROUTES)


def dumps(doc: Document) -> str:
    """The document as committed: sorted keys, two-space indent, a final newline."""
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


# --- breaking changes --------------------------------------------------------------------------


def _resolve(doc: Document, schema: Any) -> Any:
    if isinstance(schema, dict) and "anyOf" in schema:  # `X | None`: X
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        schema = options[0] if len(options) == 1 else schema
    while isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc.get("components", {}).get("schemas", {}).get(name, {})
    return schema


def _body(doc: Document, operation: Document) -> Any:
    content = operation.get("requestBody", {}).get("content", {})
    return next((c.get("schema") for c in content.values()), None)


def _answer(doc: Document, operation: Document) -> Any:
    for status, response in sorted(operation.get("responses", {}).items()):
        if status.startswith("2"):
            content = response.get("content", {})
            return next((c.get("schema") for c in content.values()), None)
    return None


def _compare(
    old_doc: Document, new_doc: Document, old: Any, new: Any, where: str, request: bool
) -> list[str]:
    """Fields `old` has and `new` lost (responses and requests), and fields a request must now
    send that it need not before; walks objects, arrays and one level of $refs per step."""
    old, new = _resolve(old_doc, old), _resolve(new_doc, new)
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    found: list[str] = []
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    for name, schema in old_props.items():
        if name not in new_props:
            found.append(f"{where}: field {name!r} removed")
        elif where.count(".") < 12:  # deep enough for every real body, and ends on cycles
            found += _compare(old_doc, new_doc, schema, new_props[name], f"{where}.{name}", request)
    if request:
        added = set(new.get("required", [])) - set(old.get("required", []))
        found += [f"{where}: field {name!r} now required" for name in sorted(added)]
    if "items" in old and "items" in new:
        found += _compare(old_doc, new_doc, old["items"], new["items"], f"{where}[]", request)
    return found


def _parameters(operation: Document) -> dict[tuple[str, str], bool]:
    return {
        (p["in"], p["name"]): bool(p.get("required"))
        for p in operation.get("parameters", [])
        if "name" in p
    }


def breaking_changes(old: Document, new: Document) -> list[str]:
    """What a client written against `old` would find broken in `new`: a path, operation or
    field removed, or a field or parameter a request must now send."""
    found: list[str] = []
    for path, old_item in old.get("paths", {}).items():
        new_item = new.get("paths", {}).get(path)
        if new_item is None:
            found.append(f"{path}: path removed")
            continue
        for method in METHODS:
            if method not in old_item:
                continue
            where = f"{method.upper()} {path}"
            if method not in new_item:
                found.append(f"{where}: operation removed")
                continue
            before, after = old_item[method], new_item[method]
            old_params, new_params = _parameters(before), _parameters(after)
            for key, required in new_params.items():
                if required and not old_params.get(key, False):
                    found.append(f"{where}: {key[0]} parameter {key[1]!r} now required")
            found += _compare(old, new, _body(old, before), _body(new, after), where, True)
            found += _compare(
                old, new, _answer(old, before), _answer(new, after), f"{where} answer", False
            )
    return found
