"""`admit_anonymous`: anonymous callers reach only the named read endpoints, with a town."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from kit.anonymous import admit_anonymous
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier
from kit.http import install_problem_handlers
from kit.testing.plugin import client, principal

router = APIRouter(dependencies=[admit_anonymous("read_public")])


@router.get("/public")
async def read_public() -> dict[str, str]:
    return {"seen": "public"}


@router.post("/public")
async def write_public() -> dict[str, str]:
    return {"seen": "written"}


@router.get("/internal")
async def read_internal() -> dict[str, str]:
    return {"seen": "internal"}


@pytest.fixture(scope="module")
def app(verifier_factory: Callable[[str], TokenVerifier]) -> FastAPI:
    app = FastAPI()
    app.state.verifier = verifier_factory("test")
    install_problem_handlers(app)
    app.include_router(router)
    return app


def visitor(tenant: uuid.UUID | None) -> InternalPrincipal:
    return InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant)


async def test_visitor_of_a_town_reads_the_admitted_endpoint(
    app: FastAPI, signer: TokenSigner
) -> None:
    response = await client(app, signer, "test", visitor(uuid.uuid4())).get("/public")
    assert (response.status_code, response.json()) == (200, {"seen": "public"})


@pytest.mark.parametrize(("method", "path"), [("GET", "/internal"), ("POST", "/public")])
async def test_visitor_is_refused_elsewhere_and_on_writes(
    app: FastAPI, signer: TokenSigner, method: str, path: str
) -> None:
    response = await client(app, signer, "test", visitor(uuid.uuid4())).request(method, path)
    assert response.status_code == 403
    assert response.json()["type"] == "forbidden"


async def test_visitor_without_a_town_reads_nothing(app: FastAPI, signer: TokenSigner) -> None:
    assert (await client(app, signer, "test", visitor(None)).get("/public")).status_code == 404


async def test_logged_in_callers_are_not_concerned(app: FastAPI, signer: TokenSigner) -> None:
    staff = client(app, signer, "test", principal(uuid.uuid4()))
    for method, path in (("GET", "/internal"), ("POST", "/public")):
        assert (await staff.request(method, path)).status_code == 200


async def test_a_request_without_a_token_is_401(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        assert (await http.get("/public")).status_code == 401
