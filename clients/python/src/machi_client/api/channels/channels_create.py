from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel_read import ChannelRead
from ...models.facebook_page_channel_create import FacebookPageChannelCreate
from ...models.instagram_channel_create import InstagramChannelCreate
from ...models.line_channel_create import LineChannelCreate
from ...models.mastodon_channel_create import MastodonChannelCreate
from ...models.problem import Problem
from ...models.sandbox_channel_create import SandboxChannelCreate
from ...models.threads_channel_create import ThreadsChannelCreate
from ...models.x_channel_create import XChannelCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FacebookPageChannelCreate
    | InstagramChannelCreate
    | LineChannelCreate
    | MastodonChannelCreate
    | SandboxChannelCreate
    | ThreadsChannelCreate
    | XChannelCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/channels",
    }

    if (
        isinstance(body, FacebookPageChannelCreate)
        or isinstance(body, InstagramChannelCreate)
        or isinstance(body, ThreadsChannelCreate)
        or isinstance(body, XChannelCreate)
        or isinstance(body, LineChannelCreate)
        or isinstance(body, MastodonChannelCreate)
    ):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChannelRead | Problem | None:
    if response.status_code == 201:
        response_201 = ChannelRead.from_dict(response.json())

        return response_201

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
) -> Response[ChannelRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FacebookPageChannelCreate
    | InstagramChannelCreate
    | LineChannelCreate
    | MastodonChannelCreate
    | SandboxChannelCreate
    | ThreadsChannelCreate
    | XChannelCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ChannelRead | Problem]:
    """Create Channel

     Register a channel with its credentials (LINE channel token, sandbox, or a known token).
    A Mastodon `config.instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        idempotency_key (str | Unset):
        body (FacebookPageChannelCreate | InstagramChannelCreate | LineChannelCreate |
            MastodonChannelCreate | SandboxChannelCreate | ThreadsChannelCreate | XChannelCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: FacebookPageChannelCreate
    | InstagramChannelCreate
    | LineChannelCreate
    | MastodonChannelCreate
    | SandboxChannelCreate
    | ThreadsChannelCreate
    | XChannelCreate,
    idempotency_key: str | Unset = UNSET,
) -> ChannelRead | Problem | None:
    """Create Channel

     Register a channel with its credentials (LINE channel token, sandbox, or a known token).
    A Mastodon `config.instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        idempotency_key (str | Unset):
        body (FacebookPageChannelCreate | InstagramChannelCreate | LineChannelCreate |
            MastodonChannelCreate | SandboxChannelCreate | ThreadsChannelCreate | XChannelCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FacebookPageChannelCreate
    | InstagramChannelCreate
    | LineChannelCreate
    | MastodonChannelCreate
    | SandboxChannelCreate
    | ThreadsChannelCreate
    | XChannelCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ChannelRead | Problem]:
    """Create Channel

     Register a channel with its credentials (LINE channel token, sandbox, or a known token).
    A Mastodon `config.instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        idempotency_key (str | Unset):
        body (FacebookPageChannelCreate | InstagramChannelCreate | LineChannelCreate |
            MastodonChannelCreate | SandboxChannelCreate | ThreadsChannelCreate | XChannelCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChannelRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FacebookPageChannelCreate
    | InstagramChannelCreate
    | LineChannelCreate
    | MastodonChannelCreate
    | SandboxChannelCreate
    | ThreadsChannelCreate
    | XChannelCreate,
    idempotency_key: str | Unset = UNSET,
) -> ChannelRead | Problem | None:
    """Create Channel

     Register a channel with its credentials (LINE channel token, sandbox, or a known token).
    A Mastodon `config.instance_url` aiming at a non-public address is refused (`url-refused`).

    Args:
        idempotency_key (str | Unset):
        body (FacebookPageChannelCreate | InstagramChannelCreate | LineChannelCreate |
            MastodonChannelCreate | SandboxChannelCreate | ThreadsChannelCreate | XChannelCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChannelRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
