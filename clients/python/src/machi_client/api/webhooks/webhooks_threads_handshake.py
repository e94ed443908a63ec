from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    hub_mode: str | Unset = "",
    hub_verify_token: str | Unset = "",
    hub_challenge: str | Unset = "",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["hub.mode"] = hub_mode

    params["hub.verify_token"] = hub_verify_token

    params["hub.challenge"] = hub_challenge

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/webhooks/threads",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    hub_mode: str | Unset = "",
    hub_verify_token: str | Unset = "",
    hub_challenge: str | Unset = "",
) -> Response[Problem | str]:
    """Threads Handshake

     The Threads webhooks' subscription handshake, with PUBLISHER_META_VERIFY_TOKEN.

    Args:
        hub_mode (str | Unset):  Default: ''.
        hub_verify_token (str | Unset):  Default: ''.
        hub_challenge (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        hub_mode=hub_mode,
        hub_verify_token=hub_verify_token,
        hub_challenge=hub_challenge,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    hub_mode: str | Unset = "",
    hub_verify_token: str | Unset = "",
    hub_challenge: str | Unset = "",
) -> Problem | str | None:
    """Threads Handshake

     The Threads webhooks' subscription handshake, with PUBLISHER_META_VERIFY_TOKEN.

    Args:
        hub_mode (str | Unset):  Default: ''.
        hub_verify_token (str | Unset):  Default: ''.
        hub_challenge (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        hub_mode=hub_mode,
        hub_verify_token=hub_verify_token,
        hub_challenge=hub_challenge,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    hub_mode: str | Unset = "",
    hub_verify_token: str | Unset = "",
    hub_challenge: str | Unset = "",
) -> Response[Problem | str]:
    """Threads Handshake

     The Threads webhooks' subscription handshake, with PUBLISHER_META_VERIFY_TOKEN.

    Args:
        hub_mode (str | Unset):  Default: ''.
        hub_verify_token (str | Unset):  Default: ''.
        hub_challenge (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        hub_mode=hub_mode,
        hub_verify_token=hub_verify_token,
        hub_challenge=hub_challenge,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    hub_mode: str | Unset = "",
    hub_verify_token: str | Unset = "",
    hub_challenge: str | Unset = "",
) -> Problem | str | None:
    """Threads Handshake

     The Threads webhooks' subscription handshake, with PUBLISHER_META_VERIFY_TOKEN.

    Args:
        hub_mode (str | Unset):  Default: ''.
        hub_verify_token (str | Unset):  Default: ''.
        hub_challenge (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            hub_mode=hub_mode,
            hub_verify_token=hub_verify_token,
            hub_challenge=hub_challenge,
        )
    ).parsed
