"""Problem types are absolute URIs that resolve to their row on the gateway's problems page."""

from urllib.parse import urlsplit

import httpx

from kit.problems import PROBLEM_TYPES


async def test_a_problem_type_is_an_absolute_uri_whose_page_explains_it(
    http: httpx.AsyncClient,
) -> None:
    refused = await http.get("/v1/me")  # no credentials
    assert refused.status_code == 401
    problem_type = refused.json()["type"]
    parts = urlsplit(problem_type)
    assert (parts.scheme, parts.fragment) == ("http", "unauthorized")

    page = await http.get(parts.path)  # anonymous, like any reader following the link
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'<tr id="{parts.fragment}">' in page.text
    assert PROBLEM_TYPES["unauthorized"].meaning in page.text


async def test_problems_json_lists_every_type_with_its_meaning(http: httpx.AsyncClient) -> None:
    listed = await http.get("/problems.json")
    assert listed.status_code == 200
    rows = {row["slug"]: row for row in listed.json()}
    assert set(rows) == set(PROBLEM_TYPES)
    quota = rows["quota-exceeded"]
    assert quota["type"].endswith("/problems#quota-exceeded")
    assert (quota["status"], quota["title"]) == (403, "Plan quota exceeded")
    assert quota["meaning"]
