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
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from gateway.routes import ROUTES, USER, Route, match
from kit.http import PROBLEM_JSON

log = logging.getLogger(__name__)

FETCH_TIMEOUT_SECONDS = 5.0
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
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "request_id": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
PROBLEM_CONTENT: Document = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}


def _secured(path_item: Document) -> Document:
    item = copy.deepcopy(path_item)
    for method, operation in item.items():
        if method in HTTP_METHODS and isinstance(operation, dict):
            operation.setdefault("security", SECURITY)
    return item


def _problems(path_item: Document) -> None:
    """Errors documented as what is sent: problem+json for the 422 and any other 4xx."""
    for method, operation in path_item.items():
        if method not in HTTP_METHODS or not isinstance(operation, dict):
            continue
        responses: Document = operation.setdefault("responses", {})
        if "422" in responses:
            responses["422"] = {"description": "Invalid request", "content": PROBLEM_CONTENT}
        responses.setdefault("4XX", {"description": "Refused", "content": PROBLEM_CONTENT})


def merge(own: Document, services: Mapping[str, Document], routes: Sequence[Route]) -> Document:
    """`own` plus each service's routed paths; for same-named components the first one wins."""
    merged = copy.deepcopy(own)
    paths: Document = merged.setdefault("paths", {})
    components: Document = merged.setdefault("components", {})
    for name, spec in services.items():
        for path, item in spec.get("paths", {}).items():
            route = match(path, routes)
            if route is None or route.upstream != name or path in paths:
                continue
            paths[path] = _secured(item) if route.access == USER else copy.deepcopy(item)
        for section, entries in spec.get("components", {}).items():
            target: Document = components.setdefault(section, {})
            for key, value in entries.items():
                target.setdefault(key, value)
    for item in paths.values():
        _problems(item)
    components.setdefault("schemas", {})["Problem"] = PROBLEM
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
    merged: MergedOpenAPI = request.app.state.openapi
    return JSONResponse(await merged.document(request.app))


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{request.app.title} - docs")
