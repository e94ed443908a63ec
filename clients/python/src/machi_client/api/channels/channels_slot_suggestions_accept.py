import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slot_suggestions_accepted import SlotSuggestionsAccepted
from ...types import UNSET, Response, Unset


def _get_kwargs(
    channel_id: UUID,
    *,
    limit: int | Unset = 3,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/channels/{channel_id}/slot-suggestions/accept".format(
            channel_id=quote(str(channel_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SlotSuggestionsAccepted | None:
    if response.status_code == 200:
        response_200 = SlotSuggestionsAccepted.from_dict(response.json())

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
) -> Response[Problem | SlotSuggestionsAccepted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    channel_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 3,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Response[Problem | SlotSuggestionsAccepted]:
    """Accept Slot Suggestions

     Add the suggested slots the channel lacks (the same suggestions as the GET); calling it
    again adds nothing.

    Args:
        channel_id (UUID):
        limit (int | Unset): How many of the best hours Default: 3.
        start (datetime.date | None | Unset): Report period's first day (town's days).
        end (datetime.date | None | Unset): Report period's last day, exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotSuggestionsAccepted]
    """

    kwargs = _get_kwargs(
        channel_id=channel_id,
        limit=limit,
        start=start,
        end=end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    channel_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 3,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Problem | SlotSuggestionsAccepted | None:
    """Accept Slot Suggestions

     Add the suggested slots the channel lacks (the same suggestions as the GET); calling it
    again adds nothing.

    Args:
        channel_id (UUID):
        limit (int | Unset): How many of the best hours Default: 3.
        start (datetime.date | None | Unset): Report period's first day (town's days).
        end (datetime.date | None | Unset): Report period's last day, exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotSuggestionsAccepted
    """

    return sync_detailed(
        channel_id=channel_id,
        client=client,
        limit=limit,
        start=start,
        end=end,
    ).parsed


async def asyncio_detailed(
    channel_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 3,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Response[Problem | SlotSuggestionsAccepted]:
    """Accept Slot Suggestions

     Add the suggested slots the channel lacks (the same suggestions as the GET); calling it
    again adds nothing.

    Args:
        channel_id (UUID):
        limit (int | Unset): How many of the best hours Default: 3.
        start (datetime.date | None | Unset): Report period's first day (town's days).
        end (datetime.date | None | Unset): Report period's last day, exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotSuggestionsAccepted]
    """

    kwargs = _get_kwargs(
        channel_id=channel_id,
        limit=limit,
        start=start,
        end=end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    channel_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 3,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
) -> Problem | SlotSuggestionsAccepted | None:
    """Accept Slot Suggestions

     Add the suggested slots the channel lacks (the same suggestions as the GET); calling it
    again adds nothing.

    Args:
        channel_id (UUID):
        limit (int | Unset): How many of the best hours Default: 3.
        start (datetime.date | None | Unset): Report period's first day (town's days).
        end (datetime.date | None | Unset): Report period's last day, exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotSuggestionsAccepted
    """

    return (
        await asyncio_detailed(
            channel_id=channel_id,
            client=client,
            limit=limit,
            start=start,
            end=end,
        )
    ).parsed
