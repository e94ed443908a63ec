"""kit.policy: one row per operation decides who calls it; a route without a row is refused."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI

from kit import policy
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier
from kit.dependencies import authorize, require_principal
from kit.errors import type_uri
from kit.http import install_problem_handlers, unruled_routes
from kit.testing.plugin import client, principal

TABLE: policy.Table = {
    ("GET", "/things"): policy.read("catalog", policy.TOWN, policy.PAGES),
    ("POST", "/things"): policy.write("catalog", policy.WRITERS),
    ("GET", "/things/{thing_id}"): policy.read("catalog", policy.TOWN),
    ("GET", "/things/next"): policy.read("catalog", policy.EDITORS),
    ("GET", "/r/{code}"): policy.public(),
    ("GET", "/internal"): policy.internal(),
}
router = APIRouter()


@router.get("/things")
async def list_things() -> dict[str, str]:
    return {"seen": "list"}


@router.post("/things")
async def make_thing() -> dict[str, str]:
    return {"seen": "made"}


@router.get("/things/{thing_id}")
async def get_thing(thing_id: str) -> dict[str, str]:
    return {"seen": thing_id}


@router.get("/r/{code}")
async def follow(code: str) -> dict[str, str]:
    return {"seen": code}


@router.get("/internal")
async def internal() -> dict[str, str]:
    return {"seen": "internal"}


@router.get("/unlisted")
async def unlisted() -> dict[str, str]:
    return {"seen": "unlisted"}


@pytest.fixture(scope="module")
def app(verifier_factory: Callable[[str], TokenVerifier]) -> FastAPI:
    app = FastAPI()
    app.state.verifier = verifier_factory("test")
    install_problem_handlers(app)
    app.include_router(router, dependencies=[Depends(require_principal), authorize(TABLE)])
    return app


def visitor(tenant: uuid.UUID | None) -> InternalPrincipal:
    return InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant)


def key(roles: tuple[str, ...], scopes: set[str]) -> InternalPrincipal:
    return dataclasses.replace(principal(uuid.uuid4(), roles), kind="key", scopes=frozenset(scopes))


async def status(app: FastAPI, signer: TokenSigner, who: InternalPrincipal, method: str, path: str):  # type: ignore[no-untyped-def]
    response = await client(app, signer, "test", who).request(method, path)
    problem_type = response.json().get("type")
    # The slug of a problem type named under this process's /problems page; anything else as is.
    slug = None if problem_type is None else problem_type.removeprefix(type_uri(""))
    return response.status_code, slug


async def test_a_role_in_the_row_passes_and_one_outside_is_a_403_problem(
    app: FastAPI, signer: TokenSigner
) -> None:
    writer = principal(uuid.uuid4(), ("writer",))
    analyst = principal(uuid.uuid4(), ("analyst",))
    assert await status(app, signer, writer, "POST", "/things") == (200, None)
    assert await status(app, signer, analyst, "POST", "/things") == (403, "forbidden")


async def test_a_route_without_a_row_is_refused_to_everyone(
    app: FastAPI, signer: TokenSigner
) -> None:
    admin = principal(uuid.uuid4(), tuple(policy.ROLES))
    assert await status(app, signer, admin, "GET", "/unlisted") == (403, "forbidden")
    assert unruled_routes(app, TABLE) == ["GET /unlisted"]


def test_a_concrete_path_finds_its_row_a_literal_segment_first() -> None:
    posts = policy.POSTS
    assert (
        policy.match("publisher", "GET", "/v1/posts/settings")
        is posts[("GET", "/v1/posts/settings")]
    )
    assert policy.match("publisher", "GET", "/v1/posts/42") is posts[("GET", "/v1/posts/{post_id}")]
    assert (
        policy.match("publisher", "HEAD", "/v1/posts/42") is posts[("GET", "/v1/posts/{post_id}")]
    )
    assert policy.match("publisher", "GET", "/v1/posts/42/nothing") is None


async def test_a_key_needs_the_rows_scope_as_well_as_its_role(
    app: FastAPI, signer: TokenSigner
) -> None:
    reader = key(("admin",), {"catalog:read"})
    everything = key(("admin",), {"*"})
    other = key(("admin",), {"analytics:write"})
    assert await status(app, signer, reader, "GET", "/things") == (200, None)
    assert await status(app, signer, reader, "POST", "/things") == (403, "insufficient-scope")
    assert await status(app, signer, everything, "POST", "/things") == (200, None)
    assert await status(app, signer, other, "GET", "/things") == (403, "insufficient-scope")


async def test_a_key_token_without_scopes_reaches_nothing_scoped(
    app: FastAPI, signer: TokenSigner
) -> None:
    unscoped = dataclasses.replace(principal(uuid.uuid4()), kind="key")  # scopes None
    assert await status(app, signer, unscoped, "GET", "/things") == (403, "insufficient-scope")


async def test_anonymous_reaches_only_rows_open_to_pages_or_anyone(
    app: FastAPI, signer: TokenSigner
) -> None:
    town = visitor(uuid.uuid4())
    assert await status(app, signer, town, "GET", "/things") == (200, None)
    assert await status(app, signer, town, "GET", "/things/1") == (403, "forbidden")
    assert await status(app, signer, town, "POST", "/things") == (403, "forbidden")
    assert await status(app, signer, visitor(None), "GET", "/things") == (404, "not-found")
    assert await status(app, signer, visitor(None), "GET", "/r/abc") == (200, None)


async def test_internal_rows_admit_the_gateway_acting_on_its_own_only(
    app: FastAPI, signer: TokenSigner
) -> None:
    gateway = InternalPrincipal(sub="gateway", kind="service", tenant_id=uuid.uuid4())
    admin = principal(uuid.uuid4(), ("admin",))
    assert await status(app, signer, gateway, "GET", "/internal") == (200, None)
    assert await status(app, signer, admin, "GET", "/internal") == (403, "forbidden")


async def test_a_request_without_a_token_is_401(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        assert (await http.get("/things")).status_code == 401


def test_grantable_roles_follow_rank() -> None:
    assert policy.grantable({"operator"}) == policy.ROLES
    assert policy.grantable({"admin"}) == policy.TOWN
    assert policy.grantable({"editor", "writer"}) == frozenset()


def test_scopes_cover_exactly_or_by_star() -> None:
    assert policy.covers({"*"}, "gateway:write")
    assert policy.covers(None, "gateway:write")  # users carry no scopes
    assert not policy.covers({"catalog:write"}, "catalog:read")
    assert policy.covers_all({"catalog:read", "analytics:read"}, ["analytics:read"])
    assert not policy.covers_all({"catalog:read"}, ["*"])
