from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.product_bulk_publish import ProductBulkPublish
from ...models.product_bulk_publish_read import ProductBulkPublishRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProductBulkPublish,
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
        "method": "post",
        "url": "/v1/products/publish",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProductBulkPublishRead | None:
    if response.status_code == 200:
        response_200 = ProductBulkPublishRead.from_dict(response.json())

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
) -> Response[Problem | ProductBulkPublishRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProductBulkPublish,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProductBulkPublishRead]:
    """Publish Products

     Publish up to 500 products at once, all or none: one `catalog.product.published.v1`
    each; a 400 problem lists every id that cannot be published, and why.

    Args:
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (ProductBulkPublish): Products to publish together: all of them, or none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductBulkPublishRead]
    """

    kwargs = _get_kwargs(
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
    *,
    client: AuthenticatedClient,
    body: ProductBulkPublish,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProductBulkPublishRead | None:
    """Publish Products

     Publish up to 500 products at once, all or none: one `catalog.product.published.v1`
    each; a 400 problem lists every id that cannot be published, and why.

    Args:
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (ProductBulkPublish): Products to publish together: all of them, or none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductBulkPublishRead
    """

    return sync_detailed(
        client=client,
        body=body,
        lang=lang,
        accept_language=accept_language,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProductBulkPublish,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProductBulkPublishRead]:
    """Publish Products

     Publish up to 500 products at once, all or none: one `catalog.product.published.v1`
    each; a 400 problem lists every id that cannot be published, and why.

    Args:
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (ProductBulkPublish): Products to publish together: all of them, or none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductBulkPublishRead]
    """

    kwargs = _get_kwargs(
        body=body,
        lang=lang,
        accept_language=accept_language,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProductBulkPublish,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProductBulkPublishRead | None:
    """Publish Products

     Publish up to 500 products at once, all or none: one `catalog.product.published.v1`
    each; a 400 problem lists every id that cannot be published, and why.

    Args:
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        idempotency_key (str | Unset):
        body (ProductBulkPublish): Products to publish together: all of them, or none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductBulkPublishRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            lang=lang,
            accept_language=accept_language,
            idempotency_key=idempotency_key,
        )
    ).parsed
