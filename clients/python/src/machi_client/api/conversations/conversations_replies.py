from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.message_read import MessageRead
from ...models.problem import Problem
from ...models.reply_create import ReplyCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: UUID,
    *,
    body: ReplyCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/conversations/{conversation_id}/replies".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MessageRead | Problem | None:
    if response.status_code == 202:
        response_202 = MessageRead.from_dict(response.json())

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
) -> Response[MessageRead | Problem]:
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
    body: ReplyCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MessageRead | Problem]:
    """Reply

     Answer the citizen through the platform: on a comment's thread publicly, in a message
    thread privately (Messenger inside its 24-hour window; LINE free with a fresh reply token,
    else a push counted against the quota, only with `confirm_push`). The reply is sent once by
    the worker; its `state` tells how it went.

    Args:
        conversation_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyCreate): The answer's words: `text`, or a saved reply (`template_id`) in
            `language`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessageRead | Problem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
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
    body: ReplyCreate,
    idempotency_key: str | Unset = UNSET,
) -> MessageRead | Problem | None:
    """Reply

     Answer the citizen through the platform: on a comment's thread publicly, in a message
    thread privately (Messenger inside its 24-hour window; LINE free with a fresh reply token,
    else a push counted against the quota, only with `confirm_push`). The reply is sent once by
    the worker; its `state` tells how it went.

    Args:
        conversation_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyCreate): The answer's words: `text`, or a saved reply (`template_id`) in
            `language`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessageRead | Problem
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReplyCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MessageRead | Problem]:
    """Reply

     Answer the citizen through the platform: on a comment's thread publicly, in a message
    thread privately (Messenger inside its 24-hour window; LINE free with a fresh reply token,
    else a push counted against the quota, only with `confirm_push`). The reply is sent once by
    the worker; its `state` tells how it went.

    Args:
        conversation_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyCreate): The answer's words: `text`, or a saved reply (`template_id`) in
            `language`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessageRead | Problem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReplyCreate,
    idempotency_key: str | Unset = UNSET,
) -> MessageRead | Problem | None:
    """Reply

     Answer the citizen through the platform: on a comment's thread publicly, in a message
    thread privately (Messenger inside its 24-hour window; LINE free with a fresh reply token,
    else a push counted against the quota, only with `confirm_push`). The reply is sent once by
    the worker; its `state` tells how it went.

    Args:
        conversation_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyCreate): The answer's words: `text`, or a saved reply (`template_id`) in
            `language`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessageRead | Problem
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
