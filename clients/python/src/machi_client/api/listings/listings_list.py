from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_listing_read import PageListingRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    storefront_id: None | Unset | UUID = UNSET,
    variant_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_storefront_id: None | str | Unset
    if isinstance(storefront_id, Unset):
        json_storefront_id = UNSET
    elif isinstance(storefront_id, UUID):
        json_storefront_id = str(storefront_id)
    else:
        json_storefront_id = storefront_id
    params["storefront_id"] = json_storefront_id

    json_variant_id: None | str | Unset
    if isinstance(variant_id, Unset):
        json_variant_id = UNSET
    elif isinstance(variant_id, UUID):
        json_variant_id = str(variant_id)
    else:
        json_variant_id = variant_id
    params["variant_id"] = json_variant_id

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
        "url": "/v1/listings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageListingRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageListingRead.from_dict(response.json())

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
) -> Response[PageListingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    storefront_id: None | Unset | UUID = UNSET,
    variant_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageListingRead | Problem]:
    """List Listings

     Listings, by store or by variant (to the public: only those of public products).

    Args:
        storefront_id (None | Unset | UUID):
        variant_id (None | Unset | UUID):
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageListingRead | Problem]
    """

    kwargs = _get_kwargs(
        storefront_id=storefront_id,
        variant_id=variant_id,
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
    storefront_id: None | Unset | UUID = UNSET,
    variant_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageListingRead | Problem | None:
    """List Listings

     Listings, by store or by variant (to the public: only those of public products).

    Args:
        storefront_id (None | Unset | UUID):
        variant_id (None | Unset | UUID):
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageListingRead | Problem
    """

    return sync_detailed(
        client=client,
        storefront_id=storefront_id,
        variant_id=variant_id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    storefront_id: None | Unset | UUID = UNSET,
    variant_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageListingRead | Problem]:
    """List Listings

     Listings, by store or by variant (to the public: only those of public products).

    Args:
        storefront_id (None | Unset | UUID):
        variant_id (None | Unset | UUID):
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageListingRead | Problem]
    """

    kwargs = _get_kwargs(
        storefront_id=storefront_id,
        variant_id=variant_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    storefront_id: None | Unset | UUID = UNSET,
    variant_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageListingRead | Problem | None:
    """List Listings

     Listings, by store or by variant (to the public: only those of public products).

    Args:
        storefront_id (None | Unset | UUID):
        variant_id (None | Unset | UUID):
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageListingRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            storefront_id=storefront_id,
            variant_id=variant_id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
