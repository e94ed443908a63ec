"""Optimistic concurrency: a resource version's ETag, `If-Match`, 412 (RFC 9110 8.8.3, 13.1.1).

A route that supports it declares it in one line each: the parameter `precondition: IfMatchDep`
and `responses=VERSIONED` on the decorator. The service loads the row locked (`SELECT ... FOR
UPDATE`, in the request's transaction) and calls `precondition.check(row)` before changing it, so
two editors holding the same version cannot both win; the answer carries `set_etag(response,
row)`. Without `If-Match` nothing is checked: the request behaves as before.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Protocol

from fastapi import Depends, Header, Response

from kit.errors import ProblemError

HEADER = "If-Match"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Versioned(Protocol):
    """A row whose `updated_at` changes on every update (kit.db.Timestamps)."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def updated_at(self) -> datetime: ...


class PreconditionFailed(ProblemError):
    status = 412
    type = "precondition-failed"
    title = "The resource changed since you read it"


def version_etag(resource: Versioned) -> str:
    """The strong ETag of `resource`'s current version: its id and `updated_at`, hashed."""
    micros = (resource.updated_at.astimezone(UTC) - _EPOCH) // timedelta(microseconds=1)
    digest = hashlib.sha256(f"{resource.id}:{micros}".encode()).hexdigest()
    return f'"{digest[:32]}"'


def matches(header: str, etag: str) -> bool:
    """True when an If-Match header is `*` or names `etag` (strong comparison: W/ never matches)."""
    if header.strip() == "*":
        return True
    return etag in {candidate.strip() for candidate in header.split(",")}


@dataclass(frozen=True)
class IfMatch:
    """The request's `If-Match` header, checked against the row the request is about to change."""

    header: str | None = None

    def check(self, resource: Versioned) -> None:
        """Raise PreconditionFailed unless there is no header, it is `*` or names the version.

        Call it on the row as locked in the transaction that changes it (the row exists: an
        absent one is the caller's 404 first)."""
        if self.header is None:
            return
        current = version_etag(resource)
        if not matches(self.header, current):
            raise PreconditionFailed(
                "the resource changed since you read it: read it again, then retry with its ETag",
                etag=current,
            )


UNCONDITIONAL = IfMatch()  # what a change made without a request's header checks: nothing


async def if_match(
    header: Annotated[
        str | None,
        Header(
            alias=HEADER,
            description=(
                "Only change the resource if its current ETag is one of these (or `*`); "
                "otherwise 412 and nothing changes. Send the ETag of your last read."
            ),
            examples=['"3f2c9a0e5b7d41c8a6e0f1b2c3d4e5f6"'],
        ),
    ] = None,
) -> IfMatch:
    """The request's `If-Match` (a FastAPI dependency: `IfMatchDep`)."""
    return IfMatch(header)


IfMatchDep = Annotated[IfMatch, Depends(if_match)]


def set_etag(response: Response, resource: Versioned) -> None:
    """Give the answer `resource`'s version ETag, for the client's next `If-Match`."""
    response.headers["ETag"] = version_etag(resource)


_ETAG_HEADER: dict[str, Any] = {
    "ETag": {
        "description": "The version of the resource; send it back in `If-Match` to update it.",
        "schema": {"type": "string"},
    }
}

# `responses=` of a route that answers with a version ETag (a GET of one resource).
TAGGED: dict[int | str, dict[str, Any]] = {200: {"headers": _ETAG_HEADER}}

# `responses=` of a route that honours `If-Match` (a PATCH): its ETag and its 412.
VERSIONED: dict[int | str, dict[str, Any]] = {
    200: {"headers": _ETAG_HEADER},
    # A problem document like every 4xx (the merged document's `4XX` gives its schema).
    412: {"description": "`If-Match` names another version: the resource changed; nothing did."},
}
