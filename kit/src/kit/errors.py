"""Typed errors carrying an HTTP status and a stable problem type (RFC 9457), mapped once."""

from __future__ import annotations

from typing import Any


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
