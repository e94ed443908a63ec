from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.product_page import ProductPage
from ...types import Response


def _get_kwargs(
    town: str,
    slug: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/public/{town}/products/{slug}".format(
            town=quote(str(town), safe=""),
            slug=quote(str(slug), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | ProductPage | None:
    if response.status_code == 200:
        response_200 = ProductPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if 400 <= response.status_code <= 499:
        response_4xx = Problem.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | ProductPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    town: str,
    slug: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem | ProductPage]:
    """Product Page

     One published product of the town.

    Args:
        town (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ProductPage]
    """

    kwargs = _get_kwargs(
        town=town,
        slug=slug,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    town: str,
    slug: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | ProductPage | None:
    """Product Page

     One published product of the town.

    Args:
        town (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ProductPage
    """

    return sync_detailed(
        town=town,
        slug=slug,
        client=client,
    ).parsed


async def asyncio_detailed(
    town: str,
    slug: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem | ProductPage]:
    """Product Page

     One published product of the town.

    Args:
        town (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ProductPage]
    """

    kwargs = _get_kwargs(
        town=town,
        slug=slug,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    town: str,
    slug: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | ProductPage | None:
    """Product Page

     One published product of the town.

    Args:
        town (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ProductPage
    """

    return (
        await asyncio_detailed(
            town=town,
            slug=slug,
            client=client,
        )
    ).parsed
