from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.category_read import CategoryRead
from ...models.category_update import CategoryUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    category_id: UUID,
    *,
    body: CategoryUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/categories/{category_id}".format(
            category_id=quote(str(category_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CategoryRead | Problem | None:
    if response.status_code == 200:
        response_200 = CategoryRead.from_dict(response.json())

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
) -> Response[CategoryRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    category_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CategoryUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[CategoryRead | Problem]:
    """Update Category

     Rename a category, e.g. add its Korean name (town staff); the slug stays.

    Args:
        category_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (CategoryUpdate): A category's new name (the slug stays: addresses and imports name
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CategoryRead | Problem]
    """

    kwargs = _get_kwargs(
        category_id=category_id,
        body=body,
        lang=lang,
        accept_language=accept_language,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    category_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CategoryUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> CategoryRead | Problem | None:
    """Update Category

     Rename a category, e.g. add its Korean name (town staff); the slug stays.

    Args:
        category_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (CategoryUpdate): A category's new name (the slug stays: addresses and imports name
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CategoryRead | Problem
    """

    return sync_detailed(
        category_id=category_id,
        client=client,
        body=body,
        lang=lang,
        accept_language=accept_language,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    category_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CategoryUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[CategoryRead | Problem]:
    """Update Category

     Rename a category, e.g. add its Korean name (town staff); the slug stays.

    Args:
        category_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (CategoryUpdate): A category's new name (the slug stays: addresses and imports name
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CategoryRead | Problem]
    """

    kwargs = _get_kwargs(
        category_id=category_id,
        body=body,
        lang=lang,
        accept_language=accept_language,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    category_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CategoryUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> CategoryRead | Problem | None:
    """Update Category

     Rename a category, e.g. add its Korean name (town staff); the slug stays.

    Args:
        category_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (CategoryUpdate): A category's new name (the slug stays: addresses and imports name
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CategoryRead | Problem
    """

    return (
        await asyncio_detailed(
            category_id=category_id,
            client=client,
            body=body,
            lang=lang,
            accept_language=accept_language,
            idempotency_key=idempotency_key,
        )
    ).parsed
