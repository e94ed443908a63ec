import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_delivery_read import PageDeliveryRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | str | Unset = UNSET,
    post_id: None | Unset | UUID = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    due_from: datetime.datetime | None | Unset = UNSET,
    due_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_post_id: None | str | Unset
    if isinstance(post_id, Unset):
        json_post_id = UNSET
    elif isinstance(post_id, UUID):
        json_post_id = str(post_id)
    else:
        json_post_id = post_id
    params["post_id"] = json_post_id

    json_channel_id: None | str | Unset
    if isinstance(channel_id, Unset):
        json_channel_id = UNSET
    elif isinstance(channel_id, UUID):
        json_channel_id = str(channel_id)
    else:
        json_channel_id = channel_id
    params["channel_id"] = json_channel_id

    json_campaign_id: None | str | Unset
    if isinstance(campaign_id, Unset):
        json_campaign_id = UNSET
    elif isinstance(campaign_id, UUID):
        json_campaign_id = str(campaign_id)
    else:
        json_campaign_id = campaign_id
    params["campaign_id"] = json_campaign_id

    json_due_from: None | str | Unset
    if isinstance(due_from, Unset):
        json_due_from = UNSET
    elif isinstance(due_from, datetime.datetime):
        json_due_from = due_from.isoformat()
    else:
        json_due_from = due_from
    params["due_from"] = json_due_from

    json_due_to: None | str | Unset
    if isinstance(due_to, Unset):
        json_due_to = UNSET
    elif isinstance(due_to, datetime.datetime):
        json_due_to = due_to.isoformat()
    else:
        json_due_to = due_to
    params["due_to"] = json_due_to

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
        "url": "/v1/deliveries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDeliveryRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageDeliveryRead.from_dict(response.json())

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
) -> Response[PageDeliveryRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    post_id: None | Unset | UUID = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    due_from: datetime.datetime | None | Unset = UNSET,
    due_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageDeliveryRead | Problem]:
    """List Deliveries

     Deliveries, newest first; `state=late`: due but not picked up after the grace time;
    `due_from`/`due_to`: a calendar's period.

    Args:
        state (None | str | Unset): A delivery state, or `late` (watchdog).
        post_id (None | Unset | UUID):
        channel_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        due_from (datetime.datetime | None | Unset): Only those due at or after this instant
        due_to (datetime.datetime | None | Unset): Only those due before this instant (a calendar)
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDeliveryRead | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
        post_id=post_id,
        channel_id=channel_id,
        campaign_id=campaign_id,
        due_from=due_from,
        due_to=due_to,
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
    state: None | str | Unset = UNSET,
    post_id: None | Unset | UUID = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    due_from: datetime.datetime | None | Unset = UNSET,
    due_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageDeliveryRead | Problem | None:
    """List Deliveries

     Deliveries, newest first; `state=late`: due but not picked up after the grace time;
    `due_from`/`due_to`: a calendar's period.

    Args:
        state (None | str | Unset): A delivery state, or `late` (watchdog).
        post_id (None | Unset | UUID):
        channel_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        due_from (datetime.datetime | None | Unset): Only those due at or after this instant
        due_to (datetime.datetime | None | Unset): Only those due before this instant (a calendar)
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDeliveryRead | Problem
    """

    return sync_detailed(
        client=client,
        state=state,
        post_id=post_id,
        channel_id=channel_id,
        campaign_id=campaign_id,
        due_from=due_from,
        due_to=due_to,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    post_id: None | Unset | UUID = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    due_from: datetime.datetime | None | Unset = UNSET,
    due_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageDeliveryRead | Problem]:
    """List Deliveries

     Deliveries, newest first; `state=late`: due but not picked up after the grace time;
    `due_from`/`due_to`: a calendar's period.

    Args:
        state (None | str | Unset): A delivery state, or `late` (watchdog).
        post_id (None | Unset | UUID):
        channel_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        due_from (datetime.datetime | None | Unset): Only those due at or after this instant
        due_to (datetime.datetime | None | Unset): Only those due before this instant (a calendar)
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDeliveryRead | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
        post_id=post_id,
        channel_id=channel_id,
        campaign_id=campaign_id,
        due_from=due_from,
        due_to=due_to,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    post_id: None | Unset | UUID = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    due_from: datetime.datetime | None | Unset = UNSET,
    due_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageDeliveryRead | Problem | None:
    """List Deliveries

     Deliveries, newest first; `state=late`: due but not picked up after the grace time;
    `due_from`/`due_to`: a calendar's period.

    Args:
        state (None | str | Unset): A delivery state, or `late` (watchdog).
        post_id (None | Unset | UUID):
        channel_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        due_from (datetime.datetime | None | Unset): Only those due at or after this instant
        due_to (datetime.datetime | None | Unset): Only those due before this instant (a calendar)
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDeliveryRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            post_id=post_id,
            channel_id=channel_id,
            campaign_id=campaign_id,
            due_from=due_from,
            due_to=due_to,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
