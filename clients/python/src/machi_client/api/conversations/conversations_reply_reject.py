from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.message_read import MessageRead
from ...models.problem import Problem
from ...models.reply_rejection import ReplyRejection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: UUID,
    message_id: UUID,
    *,
    body: ReplyRejection,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/conversations/{conversation_id}/replies/{message_id}/reject".format(
            conversation_id=quote(str(conversation_id), safe=""),
            message_id=quote(str(message_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MessageRead | Problem | None:
    if response.status_code == 200:
        response_200 = MessageRead.from_dict(response.json())

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
) -> Response[MessageRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: UUID,
    message_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReplyRejection,
    idempotency_key: str | Unset = UNSET,
) -> Response[MessageRead | Problem]:
    """Reject Reply

     An editor stops a public reply that waits, with a reason for its author; it is never
    sent.

    Args:
        conversation_id (UUID):
        message_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessageRead | Problem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        message_id=message_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: UUID,
    message_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReplyRejection,
    idempotency_key: str | Unset = UNSET,
) -> MessageRead | Problem | None:
    """Reject Reply

     An editor stops a public reply that waits, with a reason for its author; it is never
    sent.

    Args:
        conversation_id (UUID):
        message_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessageRead | Problem
    """

    return sync_detailed(
        conversation_id=conversation_id,
        message_id=message_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    conversation_id: UUID,
    message_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReplyRejection,
    idempotency_key: str | Unset = UNSET,
) -> Response[MessageRead | Problem]:
    """Reject Reply

     An editor stops a public reply that waits, with a reason for its author; it is never
    sent.

    Args:
        conversation_id (UUID):
        message_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessageRead | Problem]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        message_id=message_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: UUID,
    message_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReplyRejection,
    idempotency_key: str | Unset = UNSET,
) -> MessageRead | Problem | None:
    """Reject Reply

     An editor stops a public reply that waits, with a reason for its author; it is never
    sent.

    Args:
        conversation_id (UUID):
        message_id (UUID):
        idempotency_key (str | Unset):
        body (ReplyRejection):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessageRead | Problem
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            message_id=message_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
