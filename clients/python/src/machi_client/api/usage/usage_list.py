from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tenant_usage import TenantUsage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: None | str | Unset = UNSET,
    format_: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/usage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[TenantUsage] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TenantUsage.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[TenantUsage]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    format_: None | str | Unset = UNSET,
) -> Response[Problem | list[TenantUsage]]:
    """All Usage

     Every partner's usage in a month, side by side (operator only; JSON or CSV).

    Args:
        month (None | str | Unset): YYYY-MM; unset: this month
        format_ (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[TenantUsage]]
    """

    kwargs = _get_kwargs(
        month=month,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    format_: None | str | Unset = UNSET,
) -> Problem | list[TenantUsage] | None:
    """All Usage

     Every partner's usage in a month, side by side (operator only; JSON or CSV).

    Args:
        month (None | str | Unset): YYYY-MM; unset: this month
        format_ (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[TenantUsage]
    """

    return sync_detailed(
        client=client,
        month=month,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    format_: None | str | Unset = UNSET,
) -> Response[Problem | list[TenantUsage]]:
    """All Usage

     Every partner's usage in a month, side by side (operator only; JSON or CSV).

    Args:
        month (None | str | Unset): YYYY-MM; unset: this month
        format_ (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[TenantUsage]]
    """

    kwargs = _get_kwargs(
        month=month,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    format_: None | str | Unset = UNSET,
) -> Problem | list[TenantUsage] | None:
    """All Usage

     Every partner's usage in a month, side by side (operator only; JSON or CSV).

    Args:
        month (None | str | Unset): YYYY-MM; unset: this month
        format_ (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[TenantUsage]
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            format_=format_,
        )
    ).parsed
