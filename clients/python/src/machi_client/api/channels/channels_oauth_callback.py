from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channels_oauth_callback_platform import ChannelsOauthCallbackPlatform
from ...models.connect_result import ConnectResult
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    platform: ChannelsOauthCallbackPlatform,
    *,
    code: str,
    state: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["code"] = code

    params["state"] = state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/channels/oauth/{platform}/callback".format(
            platform=quote(str(platform), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConnectResult | Problem | None:
    if response.status_code == 200:
        response_200 = ConnectResult.from_dict(response.json())

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
) -> Response[ConnectResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    platform: ChannelsOauthCallbackPlatform,
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
) -> Response[ConnectResult | Problem]:
    """Connect Callback

     The platform's redirect: check the state, exchange the code, make or offer channels.
    Only who started the connection finishes it.

    Args:
        platform (ChannelsOauthCallbackPlatform):
        code (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectResult | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        code=code,
        state=state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    platform: ChannelsOauthCallbackPlatform,
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
) -> ConnectResult | Problem | None:
    """Connect Callback

     The platform's redirect: check the state, exchange the code, make or offer channels.
    Only who started the connection finishes it.

    Args:
        platform (ChannelsOauthCallbackPlatform):
        code (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectResult | Problem
    """

    return sync_detailed(
        platform=platform,
        client=client,
        code=code,
        state=state,
    ).parsed


async def asyncio_detailed(
    platform: ChannelsOauthCallbackPlatform,
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
) -> Response[ConnectResult | Problem]:
    """Connect Callback

     The platform's redirect: check the state, exchange the code, make or offer channels.
    Only who started the connection finishes it.

    Args:
        platform (ChannelsOauthCallbackPlatform):
        code (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectResult | Problem]
    """

    kwargs = _get_kwargs(
        platform=platform,
        code=code,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    platform: ChannelsOauthCallbackPlatform,
    *,
    client: AuthenticatedClient,
    code: str,
    state: str,
) -> ConnectResult | Problem | None:
    """Connect Callback

     The platform's redirect: check the state, exchange the code, make or offer channels.
    Only who started the connection finishes it.

    Args:
        platform (ChannelsOauthCallbackPlatform):
        code (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectResult | Problem
    """

    return (
        await asyncio_detailed(
            platform=platform,
            client=client,
            code=code,
            state=state,
        )
    ).parsed
