"""The header row of a catalog CSV is checked at upload: a bad one is a 400 that names the
columns expected and those found, and no import is recorded."""

import uuid
from collections.abc import Callable

import httpx
from sqlalchemy import text

from catalog.imports.csvformat import COLUMNS
from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
ROW = "farm-1,farm,武雄農園,,,rice,米,,,,,,,,,RICE-5,,,,piece,1,3000,JPY,10,false,\n"


async def upload(http: httpx.AsyncClient, body: str) -> httpx.Response:
    files = {"file": ("catalog.csv", body.encode(), "text/csv")}
    return await http.post("/v1/imports", files=files)


async def imports_of(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    async with runtime.db.transaction(tenant) as session:
        return int((await session.execute(text("SELECT count(*) FROM imports"))).scalar_one())


async def test_a_file_without_its_header_row_is_refused_at_upload(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    assert ROW.count(",") == len(COLUMNS) - 1  # a good row, only the header is missing

    response = await upload(http, ROW * 3)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == type_uri("invalid-csv")
    assert "the first row is not the header" in problem["detail"]
    assert "expected producer_code, producer_kind" in problem["detail"]
    assert "found 'farm-1', 'farm', '武雄農園'" in problem["detail"]
    assert problem["expected_columns"] == list(COLUMNS)
    assert problem["found_columns"][:3] == ["farm-1", "farm", "武雄農園"]
    [error] = problem["errors"]
    assert error["row"] == 1
    assert error["reason"] != "unknown column"
    assert await imports_of(runtime, tenant) == 0


async def test_a_misspelt_column_is_named_with_the_one_meant(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    header = ",".join(COLUMNS).replace("product_slug", "prodcut_slug")
    response = await upload(http, header + "\n" + ROW)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error == {
        "row": 1,
        "column": "prodcut_slug",
        "reason": "unknown column 'prodcut_slug': did you mean 'product_slug'?",
    }


async def test_unnamed_repeated_and_missing_columns_are_each_reported(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    response = await upload(http, "product_slug,,price,price\nrice,,100,100\n")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["column"], e["reason"].split(";")[0]) for e in errors] == [
        ("", "column 2 has no name"),
        ("price", "column 'price' appears twice"),
        ("producer_code", "required column missing"),
    ]
