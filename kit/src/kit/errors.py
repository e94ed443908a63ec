"""Typed errors carrying an HTTP status and a stable problem type (RFC 9457), mapped once.

An error names its type by slug (`quota-exceeded`); the document sent carries it as an absolute
URI on this deployment's problem page, `<PROBLEMS_URL>#<slug>`, which the gateway serves from
`kit.problems` (every type with its meaning).
"""

from __future__ import annotations

from typing import Any

DEFAULT_PROBLEMS_URL = "http://localhost:8000/problems"  # the all-in-one's page
_problems_url = DEFAULT_PROBLEMS_URL


def use_problems_url(url: str) -> None:
    """Name problem types under `url` (the process-wide `PROBLEMS_URL`) from now on."""
    global _problems_url
    _problems_url = url.rstrip("/")


def type_uri(slug: str) -> str:
    """The absolute problem type URI of `slug`: its entry on the problems page."""
    return f"{_problems_url}#{slug}"


def slug_of(type_uri: str) -> str:
    """The slug a problem type URI ends with (a bare slug is returned as it is)."""
    return type_uri.rpartition("#")[2]


class ProblemError(Exception):
    """Base of every error a request can end with; `kit.http` renders it as problem+json."""

    status: int = 400
    type: str = "bad-request"
    title: str = "Bad request"

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extra = extra


class NotFound(ProblemError):
    status = 404
    type = "not-found"
    title = "Not found"


class Unauthorized(ProblemError):
    status = 401
    type = "unauthorized"
    title = "Authentication required"


class Forbidden(ProblemError):
    status = 403
    type = "forbidden"
    title = "Not allowed"


class Conflict(ProblemError):
    status = 409
    type = "conflict"
    title = "Conflict"


class QuotaExceeded(ProblemError):
    status = 403
    type = "quota-exceeded"
    title = "Plan quota exceeded"


class InvalidInput(ProblemError):
    status = 400
    type = "invalid-input"
    title = "Invalid input"
