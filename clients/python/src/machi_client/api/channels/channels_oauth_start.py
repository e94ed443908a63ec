from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channels_oauth_start_platform import ChannelsOauthStartPlatform
from ...models.connect_start import ConnectStart
from ...models.connect_started import ConnectStarted
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    platform: ChannelsOauthStartPlatform,
    *,
    body: ConnectStart,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/channels/oauth/{platform}/start".format(
            platform=quote(str(platform), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConnectStarted | Problem | None:
    if response.status_code == 200:
        response_200 = ConnectStarted.from_dict(response.json())

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
) -> Response[ConnectStarted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    platform: ChannelsOauthStartPlatform,
    *,
    client: AuthenticatedClient,
    body: ConnectStart,
    idempotency_key: str | Unset = UNSET,
) -> Response[ConnectStarted | Problem]:
    """Start Connect

     Start connecting an account: open `authorization_url` in the user's browser. An admin
    connects any account; anyone else who posts only their own (`owner_kind` staff, owned by
    themselves, approval policy the town's), else `not-your-account`. A Mastodon
    `instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        platform (ChannelsOauthStartPlatform):
        idempotency_key (str | Unset):
        body (ConnectStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectStarted | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    platform: ChannelsOauthStartPlatform,
    *,
    client: AuthenticatedClient,
    body: ConnectStart,
    idempotency_key: str | Unset = UNSET,
) -> ConnectStarted | Problem | None:
    """Start Connect

     Start connecting an account: open `authorization_url` in the user's browser. An admin
    connects any account; anyone else who posts only their own (`owner_kind` staff, owned by
    themselves, approval policy the town's), else `not-your-account`. A Mastodon
    `instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        platform (ChannelsOauthStartPlatform):
        idempotency_key (str | Unset):
        body (ConnectStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectStarted | Problem
    """

    return sync_detailed(
        platform=platform,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    platform: ChannelsOauthStartPlatform,
    *,
    client: AuthenticatedClient,
    body: ConnectStart,
    idempotency_key: str | Unset = UNSET,
) -> Response[ConnectStarted | Problem]:
    """Start Connect

     Start connecting an account: open `authorization_url` in the user's browser. An admin
    connects any account; anyone else who posts only their own (`owner_kind` staff, owned by
    themselves, approval policy the town's), else `not-your-account`. A Mastodon
    `instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        platform (ChannelsOauthStartPlatform):
        idempotency_key (str | Unset):
        body (ConnectStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectStarted | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    platform: ChannelsOauthStartPlatform,
    *,
    client: AuthenticatedClient,
    body: ConnectStart,
    idempotency_key: str | Unset = UNSET,
) -> ConnectStarted | Problem | None:
    """Start Connect

     Start connecting an account: open `authorization_url` in the user's browser. An admin
    connects any account; anyone else who posts only their own (`owner_kind` staff, owned by
    themselves, approval policy the town's), else `not-your-account`. A Mastodon
    `instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        platform (ChannelsOauthStartPlatform):
        idempotency_key (str | Unset):
        body (ConnectStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectStarted | Problem
    """

    return (
        await asyncio_detailed(
            platform=platform,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
