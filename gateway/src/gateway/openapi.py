"""The one public OpenAPI document: the gateway's own paths plus every service path the
routing table sends to that service, served at `/openapi.json` with Swagger UI at `/docs`.

Each service's document is fetched once (it does not change while the process runs); a service
that is down is left out and asked again on the next request.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import fastapi_offline
import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from gateway.routes import ROUTES, USER, Route, match
from gateway.state import get_state
from kit.http import PROBLEM_JSON

log = logging.getLogger(__name__)

FETCH_TIMEOUT_SECONDS = 5.0
# Swagger UI's files as the fastapi-offline wheel ships them, served by the gateway itself: the
# docs work offline and on closed municipal networks (LGWAN), with no CDN.
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"
DOCS_ASSETS_URL = "/docs/assets"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
# The schemes `gateway.dependencies` declares; every proxied operation needs one of them.
SECURITY: list[dict[str, list[str]]] = [{"token": []}, {"apiKey": []}]

Document = dict[str, Any]
# Every error any Machi process answers is an RFC 9457 problem document (kit.http), a 422
# included: FastAPI's own `HTTPValidationError` JSON is never sent, so the document says so.
PROBLEM: Document = {
    "type": "object",
    "title": "Problem",
    "description": "An RFC 9457 problem document.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {
            "type": "string",
            "format": "uri",
            "description": "What went wrong, as a URI on this deployment's `/problems` page"
            " (`.../problems#quota-exceeded`); match on the part after `#`.",
        },
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "request_id": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
PROBLEM_CONTENT: Document = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}


class SchemaCollision(ValueError):
    """Two services define different schemas under one name: the merged document would lie."""


# One tag per resource, in the order the docs list them; an operation's tag is its path's.
TAGS: dict[str, str] = {
    "auth": "Sign in, refresh tokens, who am I, and the keys that verify internal tokens.",
    "tenants": "Towns licensing Machi: onboarding, plans in use, suspension, usage, export.",
    "plans": "Plans and their quotas (operator).",
    "users": "A town's staff accounts.",
    "invitations": "Invitations for staff to join a town, accepted with a password.",
    "api-keys": "Keys for scripts and partners, scoped to a town.",
    "webhook-endpoints": "Partners' URLs that receive the town's events, signed (Standard"
    " Webhooks), with their delivery log.",
    "usage": "Monthly usage of every town, for invoices (operator).",
    "audit": "Who did what, when and from where: admins their town's, the operator every town's.",
    "notifications": "Notices for a staff member, such as a channel that needs reconnecting.",
    "public": "The city page and storefront data frontends read without login.",
    "producers": "Farms, shops and makers who sell through the town.",
    "products": "Local specialties and their variants (the sellable units).",
    "places": "Tourist places the town introduces.",
    "categories": "Product categories of a town.",
    "media": "Photos uploaded once and served in renditions.",
    "storefronts": "Marketplace stores the town's products are sold in.",
    "listings": "A product's page in a storefront.",
    "imports": "Catalog CSV imports and exports.",
    "channels": "Social accounts posts go out to, and how they are connected.",
    "posts": "Posts: draft, approval, schedule, preview and publishing settings.",
    "deliveries": "One post on one channel: status and attempts.",
    "campaigns": "Series introducing products one at a time.",
    "slots": "Weekly posting times.",
    "templates": "Post templates of the town's playbook.",
    "channel-plans": "What the playbook plans for each kind of channel.",
    "links": "Tracked links and their redirects.",
    "reports": "KPIs: overview, posts, channels, products, producers, best times.",
    "conversions": "Orders attributed to clicks, from store webhooks or imports.",
    "insights": "Follower and post metrics read from the platforms.",
    "conversations": "The citizen inbox: comments and messages threaded for staff to answer.",
    "settings": "A town's tracking, store-webhook and inbox settings.",
    "webhooks": "Signed notifications from stores (Shopify, WooCommerce, postbacks) and social"
    " platforms (Meta, LINE) for the inbox.",
}
# Paths whose first segment is not their resource's tag.
TAG_OF_SEGMENT = {
    ".well-known": "auth",
    "me": "auth",
    "r": "links",
    "{town}": "public",
    "audit.csv": "audit",
}
# FastAPI's own 422 body, replaced by `PROBLEM` on every operation: left out of the document.
FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")
WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})
IDEMPOTENCY_KEY: Document = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Retry a write safely: the first answer under this key is replayed for 24 h"
    " (draft-ietf-httpapi-idempotency-key-header). The same key on another request is a 422;"
    " while the first request runs, a 409.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
IDEMPOTENCY_REF: Document = {"$ref": "#/components/parameters/IdempotencyKey"}


def tag_of(path: str) -> str:
    """The resource an operation on `path` belongs to."""
    segments = [s for s in path.split("/") if s and s != "v1"]
    first = segments[0] if segments else ""
    return TAG_OF_SEGMENT.get(first, first)


def _operations(path_item: Document) -> list[tuple[str, Document]]:
    return [(m, op) for m, op in path_item.items() if m in HTTP_METHODS and isinstance(op, dict)]


def _secured(path_item: Document) -> Document:
    item = copy.deepcopy(path_item)
    for _, operation in _operations(item):
        operation.setdefault("security", SECURITY)
    return item


def _idempotent(path_item: Document) -> None:
    """Writes the gateway forwards take an `Idempotency-Key` (`gateway.proxy.forward_once`)."""
    for method, operation in _operations(path_item):
        if method in WRITE_METHODS:
            operation.setdefault("parameters", []).append(IDEMPOTENCY_REF)


def _problems(path_item: Document) -> None:
    """Errors documented as what is sent: problem+json for the 422 and any other 4xx."""
    for _, operation in _operations(path_item):
        responses: Document = operation.setdefault("responses", {})
        if "422" in responses:
            responses["422"] = {"description": "Invalid request", "content": PROBLEM_CONTENT}
        responses.setdefault("4XX", {"description": "Refused", "content": PROBLEM_CONTENT})


def _tagged(path: str, path_item: Document) -> None:
    for _, operation in _operations(path_item):
        operation["tags"] = [tag_of(path)]


def _add_components(components: Document, service: str, spec: Document) -> None:
    """`spec`'s components into `components`; a name already taken by another schema fails."""
    for section, entries in spec.get("components", {}).items():
        target: Document = components.setdefault(section, {})
        for key, value in entries.items():
            if section == "schemas" and key in FASTAPI_VALIDATION:
                continue
            if key in target and target[key] != value:
                raise SchemaCollision(
                    f"{service} defines {section} {key!r} unlike another service's: rename one"
                )
            target.setdefault(key, value)


def _binary_files(schema: Document) -> Document:
    """`schema` with each uploaded file's field also marked `format: binary`: OpenAPI 3.1 says
    `contentMediaType`, which openapi-python-client 0.29 and other generators read as a plain
    string (a text field, not a file); the 3.0 spelling makes them send a file."""
    fields: Document = schema.get("properties", {})
    files = [
        name
        for name, field in fields.items()
        if field.get("type") == "string" and "contentMediaType" in field and "format" not in field
    ]
    if not files:
        return schema
    marked = copy.deepcopy(schema)
    for name in files:
        marked["properties"][name]["format"] = "binary"
    return marked


def _check_operation_ids(paths: Document) -> None:
    seen: dict[str, str] = {}
    for path, item in paths.items():
        for method, operation in _operations(item):
            name = operation.get("operationId")
            if name is None:
                continue
            if name in seen:
                raise ValueError(f"operationId {name!r} of {method} {path} is {seen[name]}'s too")
            seen[name] = f"{method} {path}"


def merge(own: Document, services: Mapping[str, Document], routes: Sequence[Route]) -> Document:
    """`own` plus each service's routed paths. Schemas of one name must be one schema: a
    service defining another under a taken name raises `SchemaCollision`."""
    merged = copy.deepcopy(own)
    paths: Document = merged.setdefault("paths", {})
    components: Document = merged.setdefault("components", {})
    for name in FASTAPI_VALIDATION:
        components.get("schemas", {}).pop(name, None)
    for name, spec in services.items():
        for path, item in spec.get("paths", {}).items():
            route = match(path, routes)
            if route is None or route.upstream != name or path in paths:
                continue
            paths[path] = _secured(item) if route.access == USER else copy.deepcopy(item)
            if route.access == USER:
                _idempotent(paths[path])
        _add_components(components, name, spec)
    schemas: Document = components.setdefault("schemas", {})
    for key, schema in schemas.items():
        schemas[key] = _binary_files(schema)
    for path, item in paths.items():
        _problems(item)
        _tagged(path, item)
    _check_operation_ids(paths)
    schemas["Problem"] = PROBLEM
    components.setdefault("parameters", {})["IdempotencyKey"] = IDEMPOTENCY_KEY
    used = {tag for item in paths.values() for _, op in _operations(item) for tag in op["tags"]}
    merged["tags"] = [{"name": t, "description": d} for t, d in TAGS.items() if t in used]
    merged["tags"] += [{"name": t} for t in sorted(used - TAGS.keys())]
    return merged


class MergedOpenAPI:
    """Builds the merged document, caching each service's part after its first good fetch."""

    def __init__(
        self, upstreams: Mapping[str, httpx.AsyncClient], routes: Sequence[Route] = ROUTES
    ) -> None:
        self._upstreams = upstreams
        self._routes = routes
        self._fetched: dict[str, Document] = {}

    async def _fetch(self, name: str, client: httpx.AsyncClient) -> None:
        try:
            response = await client.get("/openapi.json", timeout=FETCH_TIMEOUT_SECONDS)
            response.raise_for_status()
            spec = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("OpenAPI of %s left out: %r", name, exc, extra={"upstream": name})
            return
        if isinstance(spec, dict):
            self._fetched[name] = spec

    async def document(self, app: FastAPI) -> Document:
        missing = [(n, c) for n, c in self._upstreams.items() if n not in self._fetched]
        await asyncio.gather(*(self._fetch(name, client) for name, client in missing))
        services = {n: self._fetched[n] for n in self._upstreams if n in self._fetched}
        return merge(app.openapi(), services, self._routes)


router = APIRouter(include_in_schema=False)


@router.get("/openapi.json")
async def openapi_json(request: Request) -> JSONResponse:
    merged = get_state(request).openapi
    return JSONResponse(await merged.document(request.app))


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title=f"{request.app.title} - docs",
        swagger_js_url=f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{DOCS_ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{DOCS_ASSETS_URL}/favicon.png",
        # No spec-validator badge: it loads from validator.swagger.io, which offline is not there.
        swagger_ui_parameters={"validatorUrl": None},
    )
