from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_channel_read import PageChannelRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    platform: None | str | Unset = UNSET,
    owner_user: None | str | Unset = UNSET,
    postable: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_platform: None | str | Unset
    if isinstance(platform, Unset):
        json_platform = UNSET
    else:
        json_platform = platform
    params["platform"] = json_platform

    json_owner_user: None | str | Unset
    if isinstance(owner_user, Unset):
        json_owner_user = UNSET
    else:
        json_owner_user = owner_user
    params["owner_user"] = json_owner_user

    params["postable"] = postable

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/channels",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageChannelRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageChannelRead.from_dict(response.json())

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
) -> Response[PageChannelRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    platform: None | str | Unset = UNSET,
    owner_user: None | str | Unset = UNSET,
    postable: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageChannelRead | Problem]:
    """List Channels

     The tenant's channels, newest first.

    Args:
        platform (None | str | Unset):
        owner_user (None | str | Unset): Only the channels this user owns (`/v1/me` id).
        postable (bool | Unset): Only the channels the caller may post to: every one for the
            content team, a staff member's own accounts for anyone else. Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChannelRead | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        owner_user=owner_user,
        postable=postable,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    platform: None | str | Unset = UNSET,
    owner_user: None | str | Unset = UNSET,
    postable: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageChannelRead | Problem | None:
    """List Channels

     The tenant's channels, newest first.

    Args:
        platform (None | str | Unset):
        owner_user (None | str | Unset): Only the channels this user owns (`/v1/me` id).
        postable (bool | Unset): Only the channels the caller may post to: every one for the
            content team, a staff member's own accounts for anyone else. Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChannelRead | Problem
    """

    return sync_detailed(
        client=client,
        platform=platform,
        owner_user=owner_user,
        postable=postable,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    platform: None | str | Unset = UNSET,
    owner_user: None | str | Unset = UNSET,
    postable: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageChannelRead | Problem]:
    """List Channels

     The tenant's channels, newest first.

    Args:
        platform (None | str | Unset):
        owner_user (None | str | Unset): Only the channels this user owns (`/v1/me` id).
        postable (bool | Unset): Only the channels the caller may post to: every one for the
            content team, a staff member's own accounts for anyone else. Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChannelRead | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        owner_user=owner_user,
        postable=postable,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    platform: None | str | Unset = UNSET,
    owner_user: None | str | Unset = UNSET,
    postable: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageChannelRead | Problem | None:
    """List Channels

     The tenant's channels, newest first.

    Args:
        platform (None | str | Unset):
        owner_user (None | str | Unset): Only the channels this user owns (`/v1/me` id).
        postable (bool | Unset): Only the channels the caller may post to: every one for the
            content team, a staff member's own accounts for anyone else. Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChannelRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            platform=platform,
            owner_user=owner_user,
            postable=postable,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
