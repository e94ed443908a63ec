from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.link_read import LinkRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    link_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/links/{link_id}".format(
            link_id=quote(str(link_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LinkRead | Problem | None:
    if response.status_code == 200:
        response_200 = LinkRead.from_dict(response.json())

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
) -> Response[LinkRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[LinkRead | Problem]:
    """Read Link

     One link of the tenant (of their own products, to a producer).

    Args:
        link_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkRead | Problem]
    """

    kwargs = _get_kwargs(
        link_id=link_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
) -> LinkRead | Problem | None:
    """Read Link

     One link of the tenant (of their own products, to a producer).

    Args:
        link_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkRead | Problem
    """

    return sync_detailed(
        link_id=link_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[LinkRead | Problem]:
    """Read Link

     One link of the tenant (of their own products, to a producer).

    Args:
        link_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkRead | Problem]
    """

    kwargs = _get_kwargs(
        link_id=link_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    link_id: UUID,
    *,
    client: AuthenticatedClient,
) -> LinkRead | Problem | None:
    """Read Link

     One link of the tenant (of their own products, to a producer).

    Args:
        link_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkRead | Problem
    """

    return (
        await asyncio_detailed(
            link_id=link_id,
            client=client,
        )
    ).parsed
