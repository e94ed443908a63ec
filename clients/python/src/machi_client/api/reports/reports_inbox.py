import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inbox_report import InboxReport
from ...models.problem import Problem
from ...models.reports_inbox_format import ReportsInboxFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    format_: ReportsInboxFormat | Unset = ReportsInboxFormat.JSON,
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
        "url": "/v1/reports/inbox",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InboxReport | Problem | None:
    if response.status_code == 200:
        response_200 = InboxReport.from_dict(response.json())

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
) -> Response[InboxReport | Problem]:
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
    format_: ReportsInboxFormat | Unset = ReportsInboxFormat.JSON,
) -> Response[InboxReport | Problem]:
    """Inbox Report

     First response and resolution times (count, nearest-rank p50/p90/p99, mean, in seconds)
    of the conversations opened in the period, in all and per staff member (the assignee),
    group and channel; open conversations by age; conversations opened and closed per day.

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxFormat | Unset):  Default: ReportsInboxFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InboxReport | Problem]
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
    format_: ReportsInboxFormat | Unset = ReportsInboxFormat.JSON,
) -> InboxReport | Problem | None:
    """Inbox Report

     First response and resolution times (count, nearest-rank p50/p90/p99, mean, in seconds)
    of the conversations opened in the period, in all and per staff member (the assignee),
    group and channel; open conversations by age; conversations opened and closed per day.

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxFormat | Unset):  Default: ReportsInboxFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InboxReport | Problem
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
    format_: ReportsInboxFormat | Unset = ReportsInboxFormat.JSON,
) -> Response[InboxReport | Problem]:
    """Inbox Report

     First response and resolution times (count, nearest-rank p50/p90/p99, mean, in seconds)
    of the conversations opened in the period, in all and per staff member (the assignee),
    group and channel; open conversations by age; conversations opened and closed per day.

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxFormat | Unset):  Default: ReportsInboxFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InboxReport | Problem]
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
    format_: ReportsInboxFormat | Unset = ReportsInboxFormat.JSON,
) -> InboxReport | Problem | None:
    """Inbox Report

     First response and resolution times (count, nearest-rank p50/p90/p99, mean, in seconds)
    of the conversations opened in the period, in all and per staff member (the assignee),
    group and channel; open conversations by age; conversations opened and closed per day.

    Args:
        start (datetime.date | None | Unset): First day (tenant's timezone), inclusive.
        end (datetime.date | None | Unset): Last day (tenant's timezone), exclusive.
        format_ (ReportsInboxFormat | Unset):  Default: ReportsInboxFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InboxReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            end=end,
            format_=format_,
        )
    ).parsed
