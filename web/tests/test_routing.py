"""The all-in-one's front door: the web role's paths go to it, the API's to the gateway."""

from __future__ import annotations

import pytest

from web.routing import is_page


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/console",
        "/console/",
        "/console/products",
        "/static/app.css",
        "/takeo/shop",
        "/takeo/shop/",
        "/ureshino-2/shop/aged-black-garlic",
    ],
)
def test_pages_go_to_web(path: str) -> None:
    assert is_page(path)


@pytest.mark.parametrize(
    "path",
    [
        "/takeo",
        "/v1/products",
        "/docs",
        "/docs/assets/swagger-ui.css",
        "/r/abc",
        "/public/takeo",
        "/healthz",
        "/openapi.json",
        "/takeo/shop/a/b",
        "/Takeo/shop",
    ],
)
def test_the_api_goes_to_the_gateway(path: str) -> None:
    assert not is_page(path)
