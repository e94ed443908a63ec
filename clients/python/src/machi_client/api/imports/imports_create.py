from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_imports_create import BodyImportsCreate
from ...models.import_read import ImportRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyImportsCreate,
    publish: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["publish"] = publish

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportRead | Problem | None:
    if response.status_code == 202:
        response_202 = ImportRead.from_dict(response.json())

        return response_202

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
) -> Response[ImportRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportsCreate,
    publish: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportRead | Problem]:
    """Create Import

     Upload a CSV (multipart field `file`); a worker runs it: poll `GET /v1/imports/{id}`.

    Args:
        publish (bool | Unset): Publish every product the file creates or updates, as `POST
            /v1/products/publish` would; a product that cannot be published fails the whole file (form
            field or query parameter) Default: False.
        idempotency_key (str | Unset):
        body (BodyImportsCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        publish=publish,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BodyImportsCreate,
    publish: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ImportRead | Problem | None:
    """Create Import

     Upload a CSV (multipart field `file`); a worker runs it: poll `GET /v1/imports/{id}`.

    Args:
        publish (bool | Unset): Publish every product the file creates or updates, as `POST
            /v1/products/publish` would; a product that cannot be published fails the whole file (form
            field or query parameter) Default: False.
        idempotency_key (str | Unset):
        body (BodyImportsCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        publish=publish,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportsCreate,
    publish: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportRead | Problem]:
    """Create Import

     Upload a CSV (multipart field `file`); a worker runs it: poll `GET /v1/imports/{id}`.

    Args:
        publish (bool | Unset): Publish every product the file creates or updates, as `POST
            /v1/products/publish` would; a product that cannot be published fails the whole file (form
            field or query parameter) Default: False.
        idempotency_key (str | Unset):
        body (BodyImportsCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        publish=publish,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyImportsCreate,
    publish: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ImportRead | Problem | None:
    """Create Import

     Upload a CSV (multipart field `file`); a worker runs it: poll `GET /v1/imports/{id}`.

    Args:
        publish (bool | Unset): Publish every product the file creates or updates, as `POST
            /v1/products/publish` would; a product that cannot be published fails the whole file (form
            field or query parameter) Default: False.
        idempotency_key (str | Unset):
        body (BodyImportsCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            publish=publish,
            idempotency_key=idempotency_key,
        )
    ).parsed
