from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inbox_settings_read import InboxSettingsRead
from ...models.inbox_settings_update import InboxSettingsUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: InboxSettingsUpdate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/settings/inbox",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InboxSettingsRead | Problem | None:
    if response.status_code == 200:
        response_200 = InboxSettingsRead.from_dict(response.json())

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
) -> Response[InboxSettingsRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InboxSettingsUpdate,
    idempotency_key: str | Unset = UNSET,
) -> Response[InboxSettingsRead | Problem]:
    """Update Settings

     Store the town's Meta app secret and verify token, sealed; the LINE channel secret goes
    in the LINE channel's credentials (`channel_secret`).

    Args:
        idempotency_key (str | Unset):
        body (InboxSettingsUpdate): Write-only secrets, sealed on arrival; a field left out keeps
            its value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InboxSettingsRead | Problem]
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
    body: InboxSettingsUpdate,
    idempotency_key: str | Unset = UNSET,
) -> InboxSettingsRead | Problem | None:
    """Update Settings

     Store the town's Meta app secret and verify token, sealed; the LINE channel secret goes
    in the LINE channel's credentials (`channel_secret`).

    Args:
        idempotency_key (str | Unset):
        body (InboxSettingsUpdate): Write-only secrets, sealed on arrival; a field left out keeps
            its value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InboxSettingsRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InboxSettingsUpdate,
    idempotency_key: str | Unset = UNSET,
) -> Response[InboxSettingsRead | Problem]:
    """Update Settings

     Store the town's Meta app secret and verify token, sealed; the LINE channel secret goes
    in the LINE channel's credentials (`channel_secret`).

    Args:
        idempotency_key (str | Unset):
        body (InboxSettingsUpdate): Write-only secrets, sealed on arrival; a field left out keeps
            its value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InboxSettingsRead | Problem]
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
    body: InboxSettingsUpdate,
    idempotency_key: str | Unset = UNSET,
) -> InboxSettingsRead | Problem | None:
    """Update Settings

     Store the town's Meta app secret and verify token, sealed; the LINE channel secret goes
    in the LINE channel's credentials (`channel_secret`).

    Args:
        idempotency_key (str | Unset):
        body (InboxSettingsUpdate): Write-only secrets, sealed on arrival; a field left out keeps
            its value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InboxSettingsRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
