"""Strong validators for GET responses: ETag of the body, 304 on If-None-Match (RFC 9110 13.1.2).

Candidate for `kit` (generic); kept here until the lead moves it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel


def _matches(header: str | None, etag: str) -> bool:
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
    request: Request, body: BaseModel | Any, *, vary: str | None = None
) -> Response:
    """`body` as JSON with an ETag, or 304 Not Modified when the client already holds it."""
    content = _serialize(body)
    digest = hashlib.sha256(content).hexdigest()[:32]
    etag = f'"{digest}"'
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if vary:
        headers["Vary"] = vary
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(content, media_type="application/json", headers=headers)
