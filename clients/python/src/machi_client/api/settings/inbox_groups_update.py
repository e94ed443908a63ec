from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_read import GroupRead
from ...models.group_update import GroupUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_id: UUID,
    *,
    body: GroupUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/settings/inbox/groups/{group_id}".format(
            group_id=quote(str(group_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GroupRead | Problem | None:
    if response.status_code == 200:
        response_200 = GroupRead.from_dict(response.json())

        return response_200

    if response.status_code == 412:
        response_412 = cast(Any, None)
        return response_412

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
) -> Response[Any | GroupRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GroupUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | GroupRead | Problem]:
    """Update Group

     Rename a group or replace its members; `If-Match` guards another admin's change.

    Args:
        group_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (GroupUpdate): Fields left out stay; `members` replaces the whole list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GroupRead | Problem]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GroupUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | GroupRead | Problem | None:
    """Update Group

     Rename a group or replace its members; `If-Match` guards another admin's change.

    Args:
        group_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (GroupUpdate): Fields left out stay; `members` replaces the whole list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GroupRead | Problem
    """

    return sync_detailed(
        group_id=group_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GroupUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | GroupRead | Problem]:
    """Update Group

     Rename a group or replace its members; `If-Match` guards another admin's change.

    Args:
        group_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (GroupUpdate): Fields left out stay; `members` replaces the whole list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GroupRead | Problem]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_id: UUID,
    *,
    client: AuthenticatedClient,
    body: GroupUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | GroupRead | Problem | None:
    """Update Group

     Rename a group or replace its members; `If-Match` guards another admin's change.

    Args:
        group_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (GroupUpdate): Fields left out stay; `members` replaces the whole list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GroupRead | Problem
    """

    return (
        await asyncio_detailed(
            group_id=group_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
