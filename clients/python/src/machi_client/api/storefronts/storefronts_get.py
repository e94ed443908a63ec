from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.storefront_read import StorefrontRead
from ...types import Response


def _get_kwargs(
    storefront_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/storefronts/{storefront_id}".format(
            storefront_id=quote(str(storefront_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StorefrontRead | None:
    if response.status_code == 200:
        response_200 = StorefrontRead.from_dict(response.json())

        return response_200

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
) -> Response[Problem | StorefrontRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    storefront_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StorefrontRead]:
    """Get Storefront

     One store.

    Args:
        storefront_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StorefrontRead]
    """

    kwargs = _get_kwargs(
        storefront_id=storefront_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    storefront_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | StorefrontRead | None:
    """Get Storefront

     One store.

    Args:
        storefront_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StorefrontRead
    """

    return sync_detailed(
        storefront_id=storefront_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    storefront_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StorefrontRead]:
    """Get Storefront

     One store.

    Args:
        storefront_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StorefrontRead]
    """

    kwargs = _get_kwargs(
        storefront_id=storefront_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    storefront_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | StorefrontRead | None:
    """Get Storefront

     One store.

    Args:
        storefront_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StorefrontRead
    """

    return (
        await asyncio_detailed(
            storefront_id=storefront_id,
            client=client,
        )
    ).parsed
