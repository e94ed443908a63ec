"""Strong validators for GET responses: ETag of the body, 304 on If-None-Match (RFC 9110 13.1.2)."""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

# How a route answering through `conditional_json` documents it (`responses=` of the route).
CONDITIONAL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "ETag": {"description": "Strong validator of the body.", "schema": {"type": "string"}}
        }
    },
    304: {"description": "Not modified: the request's `If-None-Match` names the current ETag."},
}


def etag_of(content: bytes) -> str:
    """A strong entity tag for `content`."""
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def none_match(header: str | None, etag: str) -> bool:
    """True when an If-None-Match header names `etag` (or `*`): the client holds it already."""
    if not header:
        return False
    if header.strip() == "*":
        return True
    candidates = {c.strip().removeprefix("W/") for c in header.split(",")}
    return etag in candidates


def _serialize(body: BaseModel | Any) -> bytes:
    if isinstance(body, BaseModel):
        return body.model_dump_json().encode()  # pydantic-core: far cheaper than jsonable_encoder
    return bytes(JSONResponse(jsonable_encoder(body)).body)


def conditional_json(
    request: Request, body: BaseModel | Any, *, vary: str | None = None, etag: str | None = None
) -> Response:
    """`body` as JSON with an ETag, or 304 Not Modified when the client already holds it. The
    ETag is the body's, unless `etag` gives the resource's version (kit.preconditions)."""
    content = _serialize(body)
    etag = etag or etag_of(content)
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if vary:
        headers["Vary"] = vary
    if none_match(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(content, media_type="application/json", headers=headers)
