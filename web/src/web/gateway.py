"""The gateway as the pages reach it: the generated typed client over one shared connection pool
(or, in the all-in-one, the gateway app in-process), and its problems as exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from machi_client import AuthenticatedClient, Client
from machi_client.models import Problem
from machi_client.types import Response

T = TypeVar("T")


@dataclass
class ApiError(Exception):
    """The gateway answered with a problem (or not at all)."""

    status: int
    title: str
    detail: str = ""
    type: str = ""
    errors: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, response: Response[Any]) -> ApiError:
        problem = response.parsed
        if isinstance(problem, Problem):
            errors = [e.to_dict() for e in problem.errors] if problem.errors else []
            status = int(response.status_code)
            return cls(status, problem.title, problem.detail, problem.type_, errors)
        return cls(int(response.status_code), "The API did not answer as expected")

    @property
    def slug(self) -> str:
        """The stable part of the problem's type (`<PROBLEMS_URL>#<slug>`, kit.problems)."""
        return self.type.rsplit("#", 1)[-1]

    def field_errors(self) -> dict[str, str]:
        """Validation messages by the field's last name (`body.price_amount` -> `price_amount`)."""
        found: dict[str, str] = {}
        for error in self.errors:
            where = error.get("loc") or error.get("field") or []
            name = where[-1] if isinstance(where, list) and where else str(where)
            found[str(name)] = str(error.get("msg") or error.get("message") or "")
        return found


def parsed(response: Response[Any], kind: type[T]) -> T:
    """The answer's body as `kind`, else the problem raised as an ApiError."""
    if isinstance(response.parsed, kind) and int(response.status_code) < 300:
        return response.parsed
    raise ApiError.of(response)


def succeeded(response: Response[Any]) -> None:
    """Raise the problem of an answer whose body does not matter."""
    if int(response.status_code) >= 300:
        raise ApiError.of(response)


class Gateway:
    """Makes typed clients that share one transport: a request's client carries its caller's
    token, language and address, and is never closed (the transport outlives it)."""

    def __init__(self, transport: httpx.AsyncBaseTransport, base_url: str, timeout: float) -> None:
        self.transport = transport
        self.base_url = base_url.rstrip("/")
        self.timeout = httpx.Timeout(timeout)

    def http(self, headers: dict[str, str]) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=self.transport, base_url=self.base_url, headers=headers, timeout=self.timeout
        )

    def anonymous(self, headers: dict[str, str]) -> Client:
        """A client with no login (public pages, sign in)."""
        client = Client(base_url=self.base_url)
        return client.set_async_httpx_client(self.http(headers))

    def signed_in(self, token: str, headers: dict[str, str]) -> AuthenticatedClient:
        """A client acting as the signed-in user."""
        client = AuthenticatedClient(base_url=self.base_url, token=token)
        return client.set_async_httpx_client(
            self.http({**headers, "Authorization": f"Bearer {token}"})
        )

    async def aclose(self) -> None:
        await self.transport.aclose()
