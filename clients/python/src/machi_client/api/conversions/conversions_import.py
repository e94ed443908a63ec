from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversions_import_store import ConversionsImportStore
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    store: ConversionsImportStore | Unset = ConversionsImportStore.YAHOO,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_store: str | Unset = UNSET
    if not isinstance(store, Unset):
        json_store = store.value

    params["store"] = json_store

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/conversions/import",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

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
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    store: ConversionsImportStore | Unset = ConversionsImportStore.YAHOO,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Import Orders

     Import a store's order CSV, matched by click id or coupon code; all rows or none.

    Args:
        store (ConversionsImportStore | Unset):  Default: ConversionsImportStore.YAHOO.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        store=store,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    store: ConversionsImportStore | Unset = ConversionsImportStore.YAHOO,
    idempotency_key: str | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Import Orders

     Import a store's order CSV, matched by click id or coupon code; all rows or none.

    Args:
        store (ConversionsImportStore | Unset):  Default: ConversionsImportStore.YAHOO.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        store=store,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    store: ConversionsImportStore | Unset = ConversionsImportStore.YAHOO,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Import Orders

     Import a store's order CSV, matched by click id or coupon code; all rows or none.

    Args:
        store (ConversionsImportStore | Unset):  Default: ConversionsImportStore.YAHOO.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        store=store,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    store: ConversionsImportStore | Unset = ConversionsImportStore.YAHOO,
    idempotency_key: str | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Import Orders

     Import a store's order CSV, matched by click id or coupon code; all rows or none.

    Args:
        store (ConversionsImportStore | Unset):  Default: ConversionsImportStore.YAHOO.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            store=store,
            idempotency_key=idempotency_key,
        )
    ).parsed
