import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inbox_days import InboxDays
from ...models.problem import Problem
from ...models.reports_inbox_days_format import ReportsInboxDaysFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    format_: ReportsInboxDaysFormat | Unset = ReportsInboxDaysFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/inbox-days",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InboxDays | Problem | None:
    if response.status_code == 200:
        response_200 = InboxDays.from_dict(response.json())

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
) -> Response[InboxDays | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    format_: ReportsInboxDaysFormat | Unset = ReportsInboxDaysFormat.JSON,
) -> Response[InboxDays | Problem]:
    """Inbox Days

     Conversations opened and closed per day of the period (the tenant's days).

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxDaysFormat | Unset):  Default: ReportsInboxDaysFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InboxDays | Problem]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    format_: ReportsInboxDaysFormat | Unset = ReportsInboxDaysFormat.JSON,
) -> InboxDays | Problem | None:
    """Inbox Days

     Conversations opened and closed per day of the period (the tenant's days).

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxDaysFormat | Unset):  Default: ReportsInboxDaysFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InboxDays | Problem
    """

    return sync_detailed(
        client=client,
        start=start,
        end=end,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    format_: ReportsInboxDaysFormat | Unset = ReportsInboxDaysFormat.JSON,
) -> Response[InboxDays | Problem]:
    """Inbox Days

     Conversations opened and closed per day of the period (the tenant's days).

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxDaysFormat | Unset):  Default: ReportsInboxDaysFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InboxDays | Problem]
    """

    kwargs = _get_kwargs(
        start=start,
        end=end,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    format_: ReportsInboxDaysFormat | Unset = ReportsInboxDaysFormat.JSON,
) -> InboxDays | Problem | None:
    """Inbox Days

     Conversations opened and closed per day of the period (the tenant's days).

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxDaysFormat | Unset):  Default: ReportsInboxDaysFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InboxDays | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            end=end,
            format_=format_,
        )
    ).parsed
