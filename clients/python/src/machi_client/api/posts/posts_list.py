import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_post_read import PagePostRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    product_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    status: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_product_id: None | str | Unset
    if isinstance(product_id, Unset):
        json_product_id = UNSET
    elif isinstance(product_id, UUID):
        json_product_id = str(product_id)
    else:
        json_product_id = product_id
    params["product_id"] = json_product_id

    json_campaign_id: None | str | Unset
    if isinstance(campaign_id, Unset):
        json_campaign_id = UNSET
    elif isinstance(campaign_id, UUID):
        json_campaign_id = str(campaign_id)
    else:
        json_campaign_id = campaign_id
    params["campaign_id"] = json_campaign_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

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
        "url": "/v1/posts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePostRead | Problem | None:
    if response.status_code == 200:
        response_200 = PagePostRead.from_dict(response.json())

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
) -> Response[PagePostRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    product_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    status: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PagePostRead | Problem]:
    """List Posts

     List the tenant's posts, newest first (to the public: only published ones).

    Args:
        product_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        status (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePostRead | Problem]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        campaign_id=campaign_id,
        status=status,
        updated_since=updated_since,
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
    product_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    status: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PagePostRead | Problem | None:
    """List Posts

     List the tenant's posts, newest first (to the public: only published ones).

    Args:
        product_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        status (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePostRead | Problem
    """

    return sync_detailed(
        client=client,
        product_id=product_id,
        campaign_id=campaign_id,
        status=status,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    product_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    status: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PagePostRead | Problem]:
    """List Posts

     List the tenant's posts, newest first (to the public: only published ones).

    Args:
        product_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        status (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePostRead | Problem]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        campaign_id=campaign_id,
        status=status,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    product_id: None | Unset | UUID = UNSET,
    campaign_id: None | Unset | UUID = UNSET,
    status: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PagePostRead | Problem | None:
    """List Posts

     List the tenant's posts, newest first (to the public: only published ones).

    Args:
        product_id (None | Unset | UUID):
        campaign_id (None | Unset | UUID):
        status (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePostRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            product_id=product_id,
            campaign_id=campaign_id,
            status=status,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
