from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_link_read import PageLinkRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    post_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_post_id: None | str | Unset
    if isinstance(post_id, Unset):
        json_post_id = UNSET
    elif isinstance(post_id, UUID):
        json_post_id = str(post_id)
    else:
        json_post_id = post_id
    params["post_id"] = json_post_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/links",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageLinkRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageLinkRead.from_dict(response.json())

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
) -> Response[PageLinkRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    post_id: None | Unset | UUID = UNSET,
) -> Response[PageLinkRead | Problem]:
    """List Links

     The tenant's links, newest first (cursor pagination); to the public, buy links only; to
    a producer, their own products' links only, as their reports.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        post_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageLinkRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        post_id=post_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    post_id: None | Unset | UUID = UNSET,
) -> PageLinkRead | Problem | None:
    """List Links

     The tenant's links, newest first (cursor pagination); to the public, buy links only; to
    a producer, their own products' links only, as their reports.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        post_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageLinkRead | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        post_id=post_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    post_id: None | Unset | UUID = UNSET,
) -> Response[PageLinkRead | Problem]:
    """List Links

     The tenant's links, newest first (cursor pagination); to the public, buy links only; to
    a producer, their own products' links only, as their reports.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        post_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageLinkRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        post_id=post_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    post_id: None | Unset | UUID = UNSET,
) -> PageLinkRead | Problem | None:
    """List Links

     The tenant's links, newest first (cursor pagination); to the public, buy links only; to
    a producer, their own products' links only, as their reports.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        post_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageLinkRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            post_id=post_id,
        )
    ).parsed
