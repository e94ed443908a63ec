from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation_read import ConversationRead
from ...models.conversation_update import ConversationUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: UUID,
    *,
    body: ConversationUpdate,
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
        "url": "/v1/conversations/{conversation_id}".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ConversationRead | Problem | None:
    if response.status_code == 200:
        response_200 = ConversationRead.from_dict(response.json())

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
) -> Response[Any | ConversationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConversationUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ConversationRead | Problem]:
    """Update Conversation

     Status, assignee (`null`: nobody), priority, tags; `If-Match` guards another's change.

    Args:
        conversation_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (ConversationUpdate): Fields left out stay as they are; `assignee: null` unassigns,
            `group_id: null` takes it
            from its group. A `group_id` sent without `assignee` gives it to that group's next member
            in turn.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationRead | Problem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConversationUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | ConversationRead | Problem | None:
    """Update Conversation

     Status, assignee (`null`: nobody), priority, tags; `If-Match` guards another's change.

    Args:
        conversation_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (ConversationUpdate): Fields left out stay as they are; `assignee: null` unassigns,
            `group_id: null` takes it
            from its group. A `group_id` sent without `assignee` gives it to that group's next member
            in turn.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationRead | Problem
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConversationUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ConversationRead | Problem]:
    """Update Conversation

     Status, assignee (`null`: nobody), priority, tags; `If-Match` guards another's change.

    Args:
        conversation_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (ConversationUpdate): Fields left out stay as they are; `assignee: null` unassigns,
            `group_id: null` takes it
            from its group. A `group_id` sent without `assignee` gives it to that group's next member
            in turn.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConversationRead | Problem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConversationUpdate,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | ConversationRead | Problem | None:
    """Update Conversation

     Status, assignee (`null`: nobody), priority, tags; `If-Match` guards another's change.

    Args:
        conversation_id (UUID):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (ConversationUpdate): Fields left out stay as they are; `assignee: null` unassigns,
            `group_id: null` takes it
            from its group. A `group_id` sent without `assignee` gives it to that group's next member
            in turn.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConversationRead | Problem
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
