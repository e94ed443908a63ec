import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_producer_read import PageProducerRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language

    params: dict[str, Any] = {}

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/v1/producers",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageProducerRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageProducerRead.from_dict(response.json())

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
) -> Response[PageProducerRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Response[PageProducerRead | Problem]:
    """List Producers

     List the producers the caller may see, newest first; `q` finds them by name or code. To
    the public (the city page), the public producers' names and stories, without their contact
    details.

    Args:
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        q (None | str | Unset): Text in a name (any language) or code
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProducerRead | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        q=q,
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
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> PageProducerRead | Problem | None:
    """List Producers

     List the producers the caller may see, newest first; `q` finds them by name or code. To
    the public (the city page), the public producers' names and stories, without their contact
    details.

    Args:
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        q (None | str | Unset): Text in a name (any language) or code
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProducerRead | Problem
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
        q=q,
        cursor=cursor,
        limit=limit,
        lang=lang,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Response[PageProducerRead | Problem]:
    """List Producers

     List the producers the caller may see, newest first; `q` finds them by name or code. To
    the public (the city page), the public producers' names and stories, without their contact
    details.

    Args:
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        q (None | str | Unset): Text in a name (any language) or code
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageProducerRead | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        q=q,
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
    updated_since: datetime.datetime | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> PageProducerRead | Problem | None:
    """List Producers

     List the producers the caller may see, newest first; `q` finds them by name or code. To
    the public (the city page), the public producers' names and stories, without their contact
    details.

    Args:
        updated_since (datetime.datetime | None | Unset): Only what changed at or after this
            instant (`updated_at`), to sync
        q (None | str | Unset): Text in a name (any language) or code
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageProducerRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
            q=q,
            cursor=cursor,
            limit=limit,
            lang=lang,
            accept_language=accept_language,
        )
    ).parsed
