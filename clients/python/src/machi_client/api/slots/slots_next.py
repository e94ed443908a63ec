from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.next_slot_read import NextSlotRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    channel_id: UUID,
    timezone: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_channel_id = str(channel_id)
    params["channel_id"] = json_channel_id

    json_timezone: None | str | Unset
    if isinstance(timezone, Unset):
        json_timezone = UNSET
    else:
        json_timezone = timezone
    params["timezone"] = json_timezone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/slots/next",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NextSlotRead | Problem | None:
    if response.status_code == 200:
        response_200 = NextSlotRead.from_dict(response.json())

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
) -> Response[NextSlotRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    channel_id: UUID,
    timezone: None | str | Unset = UNSET,
) -> Response[NextSlotRead | Problem]:
    """Next Free Slot

     The channel's next slot that no delivery holds.

    Args:
        channel_id (UUID):
        timezone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NextSlotRead | Problem]
    """

    kwargs = _get_kwargs(
        channel_id=channel_id,
        timezone=timezone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    channel_id: UUID,
    timezone: None | str | Unset = UNSET,
) -> NextSlotRead | Problem | None:
    """Next Free Slot

     The channel's next slot that no delivery holds.

    Args:
        channel_id (UUID):
        timezone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NextSlotRead | Problem
    """

    return sync_detailed(
        client=client,
        channel_id=channel_id,
        timezone=timezone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    channel_id: UUID,
    timezone: None | str | Unset = UNSET,
) -> Response[NextSlotRead | Problem]:
    """Next Free Slot

     The channel's next slot that no delivery holds.

    Args:
        channel_id (UUID):
        timezone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NextSlotRead | Problem]
    """

    kwargs = _get_kwargs(
        channel_id=channel_id,
        timezone=timezone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    channel_id: UUID,
    timezone: None | str | Unset = UNSET,
) -> NextSlotRead | Problem | None:
    """Next Free Slot

     The channel's next slot that no delivery holds.

    Args:
        channel_id (UUID):
        timezone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NextSlotRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            channel_id=channel_id,
            timezone=timezone,
        )
    ).parsed
