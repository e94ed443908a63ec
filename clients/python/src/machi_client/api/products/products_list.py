import datetime
from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_product_read import PageProductRead
from ...models.problem import Problem
from ...models.products_list_status_type_0 import ProductsListStatusType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    producer_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
    status: None | ProductsListStatusType0 | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    slug: None | str | Unset = UNSET,
    in_season: bool | Unset = False,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language

    params: dict[str, Any] = {}

    json_producer_id: None | str | Unset
    if isinstance(producer_id, Unset):
        json_producer_id = UNSET
    elif isinstance(producer_id, UUID):
        json_producer_id = str(producer_id)
    else:
        json_producer_id = producer_id
    params["producer_id"] = json_producer_id

    json_category_id: None | str | Unset
    if isinstance(category_id, Unset):
        json_category_id = UNSET
    elif isinstance(category_id, UUID):
        json_category_id = str(category_id)
    else:
        json_category_id = category_id
    params["category_id"] = json_category_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ProductsListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_tag: None | str | Unset
    if isinstance(tag, Unset):
        json_tag = UNSET
    else:
        json_tag = tag
    params["tag"] = json_tag

    json_slug: None | str | Unset
    if isinstance(slug, Unset):
        json_slug = UNSET
    else:
        json_slug = slug
    params["slug"] = json_slug

    params["in_season"] = in_season

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/products",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageProductRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageProductRead.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | PageProductRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    producer_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
    status: None | ProductsListStatusType0 | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    slug: None | str | Unset = UNSET,
    in_season: bool | Unset = False,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Response[Any | PageProductRead | Problem]:
    """List Products

     List products, newest first: by producer, category, status, tag, slug, season, or text.

    Args:
        producer_id (None | Unset | UUID):
        category_id (None | Unset | UUID):
        status (None | ProductsListStatusType0 | Unset):
        tag (None | str | Unset):
        slug (None | str | Unset):
        in_season (bool | Unset):  Default: False.
        q (None | str | Unset): Text in any language
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageProductRead | Problem]
    """

    kwargs = _get_kwargs(
        producer_id=producer_id,
        category_id=category_id,
        status=status,
        tag=tag,
        slug=slug,
        in_season=in_season,
        q=q,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
        lang=lang,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    producer_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
    status: None | ProductsListStatusType0 | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    slug: None | str | Unset = UNSET,
    in_season: bool | Unset = False,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Any | PageProductRead | Problem | None:
    """List Products

     List products, newest first: by producer, category, status, tag, slug, season, or text.

    Args:
        producer_id (None | Unset | UUID):
        category_id (None | Unset | UUID):
        status (None | ProductsListStatusType0 | Unset):
        tag (None | str | Unset):
        slug (None | str | Unset):
        in_season (bool | Unset):  Default: False.
        q (None | str | Unset): Text in any language
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageProductRead | Problem
    """

    return sync_detailed(
        client=client,
        producer_id=producer_id,
        category_id=category_id,
        status=status,
        tag=tag,
        slug=slug,
        in_season=in_season,
        q=q,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
        lang=lang,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    producer_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
    status: None | ProductsListStatusType0 | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    slug: None | str | Unset = UNSET,
    in_season: bool | Unset = False,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Response[Any | PageProductRead | Problem]:
    """List Products

     List products, newest first: by producer, category, status, tag, slug, season, or text.

    Args:
        producer_id (None | Unset | UUID):
        category_id (None | Unset | UUID):
        status (None | ProductsListStatusType0 | Unset):
        tag (None | str | Unset):
        slug (None | str | Unset):
        in_season (bool | Unset):  Default: False.
        q (None | str | Unset): Text in any language
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageProductRead | Problem]
    """

    kwargs = _get_kwargs(
        producer_id=producer_id,
        category_id=category_id,
        status=status,
        tag=tag,
        slug=slug,
        in_season=in_season,
        q=q,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
        lang=lang,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    producer_id: None | Unset | UUID = UNSET,
    category_id: None | Unset | UUID = UNSET,
    status: None | ProductsListStatusType0 | Unset = UNSET,
    tag: None | str | Unset = UNSET,
    slug: None | str | Unset = UNSET,
    in_season: bool | Unset = False,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Any | PageProductRead | Problem | None:
    """List Products

     List products, newest first: by producer, category, status, tag, slug, season, or text.

    Args:
        producer_id (None | Unset | UUID):
        category_id (None | Unset | UUID):
        status (None | ProductsListStatusType0 | Unset):
        tag (None | str | Unset):
        slug (None | str | Unset):
        in_season (bool | Unset):  Default: False.
        q (None | str | Unset): Text in any language
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageProductRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            producer_id=producer_id,
            category_id=category_id,
            status=status,
            tag=tag,
            slug=slug,
            in_season=in_season,
            q=q,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
            lang=lang,
            accept_language=accept_language,
        )
    ).parsed
