from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.post_read import PostRead
from ...models.post_update import PostUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    post_id: UUID,
    *,
    body: PostUpdate,
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
        "url": "/v1/posts/{post_id}".format(
            post_id=quote(str(post_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PostRead | Problem | None:
    if response.status_code == 200:
        response_200 = PostRead.from_dict(response.json())

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
) -> Response[Any | PostRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | PostRead | Problem]:
    """Update Post

     Edit a draft or a rejected post; `validation` says what the preview would of it.
    `If-Match` with the ETag of your last read guards against overwriting another's edit.

    Args:
        post_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (PostUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PostRead | Problem]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | PostRead | Problem | None:
    """Update Post

     Edit a draft or a rejected post; `validation` says what the preview would of it.
    `If-Match` with the ETag of your last read guards against overwriting another's edit.

    Args:
        post_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (PostUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PostRead | Problem
    """

    return sync_detailed(
        post_id=post_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | PostRead | Problem]:
    """Update Post

     Edit a draft or a rejected post; `validation` says what the preview would of it.
    `If-Match` with the ETag of your last read guards against overwriting another's edit.

    Args:
        post_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (PostUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PostRead | Problem]
    """

    kwargs = _get_kwargs(
        post_id=post_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    post_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PostUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | PostRead | Problem | None:
    """Update Post

     Edit a draft or a rejected post; `validation` says what the preview would of it.
    `If-Match` with the ETag of your last read guards against overwriting another's edit.

    Args:
        post_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (PostUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PostRead | Problem
    """

    return (
        await asyncio_detailed(
            post_id=post_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
