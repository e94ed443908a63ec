from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversations_list_language_type_0 import ConversationsListLanguageType0
from ...models.conversations_list_status_type_0 import ConversationsListStatusType0
from ...models.page_conversation_read import PageConversationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ConversationsListStatusType0 | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    language: ConversationsListLanguageType0 | None | Unset = UNSET,
    older_than_hours: int | None | Unset = UNSET,
    awaiting_approval: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ConversationsListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_assignee: None | str | Unset
    if isinstance(assignee, Unset):
        json_assignee = UNSET
    else:
        json_assignee = assignee
    params["assignee"] = json_assignee

    json_group: None | str | Unset
    if isinstance(group, Unset):
        json_group = UNSET
    else:
        json_group = group
    params["group"] = json_group

    json_channel_id: None | str | Unset
    if isinstance(channel_id, Unset):
        json_channel_id = UNSET
    elif isinstance(channel_id, UUID):
        json_channel_id = str(channel_id)
    else:
        json_channel_id = channel_id
    params["channel_id"] = json_channel_id

    json_language: None | str | Unset
    if isinstance(language, Unset):
        json_language = UNSET
    elif isinstance(language, ConversationsListLanguageType0):
        json_language = language.value
    else:
        json_language = language
    params["language"] = json_language

    json_older_than_hours: int | None | Unset
    if isinstance(older_than_hours, Unset):
        json_older_than_hours = UNSET
    else:
        json_older_than_hours = older_than_hours
    params["older_than_hours"] = json_older_than_hours

    params["awaiting_approval"] = awaiting_approval

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/conversations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageConversationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageConversationRead.from_dict(response.json())

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
) -> Response[PageConversationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ConversationsListStatusType0 | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    language: ConversationsListLanguageType0 | None | Unset = UNSET,
    older_than_hours: int | None | Unset = UNSET,
    awaiting_approval: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageConversationRead | Problem]:
    """List Conversations

     Conversations the caller may answer, latest message first.

    Args:
        status (ConversationsListStatusType0 | None | Unset):
        assignee (None | str | Unset): `me`, `none` (no assignee) or a user id. Staff see theirs,
            their groups' and the unassigned ones; an admin sees all.
        group (None | str | Unset): `mine` (any of the caller's groups), `none` (in no group) or a
            group id.
        channel_id (None | Unset | UUID):
        language (ConversationsListLanguageType0 | None | Unset):
        older_than_hours (int | None | Unset): Opened more than this many hours ago.
        awaiting_approval (bool | Unset): Only those holding a public reply that waits for an
            editor (editors see these whoever they are assigned to). Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageConversationRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        assignee=assignee,
        group=group,
        channel_id=channel_id,
        language=language,
        older_than_hours=older_than_hours,
        awaiting_approval=awaiting_approval,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ConversationsListStatusType0 | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    language: ConversationsListLanguageType0 | None | Unset = UNSET,
    older_than_hours: int | None | Unset = UNSET,
    awaiting_approval: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageConversationRead | Problem | None:
    """List Conversations

     Conversations the caller may answer, latest message first.

    Args:
        status (ConversationsListStatusType0 | None | Unset):
        assignee (None | str | Unset): `me`, `none` (no assignee) or a user id. Staff see theirs,
            their groups' and the unassigned ones; an admin sees all.
        group (None | str | Unset): `mine` (any of the caller's groups), `none` (in no group) or a
            group id.
        channel_id (None | Unset | UUID):
        language (ConversationsListLanguageType0 | None | Unset):
        older_than_hours (int | None | Unset): Opened more than this many hours ago.
        awaiting_approval (bool | Unset): Only those holding a public reply that waits for an
            editor (editors see these whoever they are assigned to). Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageConversationRead | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        assignee=assignee,
        group=group,
        channel_id=channel_id,
        language=language,
        older_than_hours=older_than_hours,
        awaiting_approval=awaiting_approval,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ConversationsListStatusType0 | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    language: ConversationsListLanguageType0 | None | Unset = UNSET,
    older_than_hours: int | None | Unset = UNSET,
    awaiting_approval: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageConversationRead | Problem]:
    """List Conversations

     Conversations the caller may answer, latest message first.

    Args:
        status (ConversationsListStatusType0 | None | Unset):
        assignee (None | str | Unset): `me`, `none` (no assignee) or a user id. Staff see theirs,
            their groups' and the unassigned ones; an admin sees all.
        group (None | str | Unset): `mine` (any of the caller's groups), `none` (in no group) or a
            group id.
        channel_id (None | Unset | UUID):
        language (ConversationsListLanguageType0 | None | Unset):
        older_than_hours (int | None | Unset): Opened more than this many hours ago.
        awaiting_approval (bool | Unset): Only those holding a public reply that waits for an
            editor (editors see these whoever they are assigned to). Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageConversationRead | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        assignee=assignee,
        group=group,
        channel_id=channel_id,
        language=language,
        older_than_hours=older_than_hours,
        awaiting_approval=awaiting_approval,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ConversationsListStatusType0 | None | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    group: None | str | Unset = UNSET,
    channel_id: None | Unset | UUID = UNSET,
    language: ConversationsListLanguageType0 | None | Unset = UNSET,
    older_than_hours: int | None | Unset = UNSET,
    awaiting_approval: bool | Unset = False,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageConversationRead | Problem | None:
    """List Conversations

     Conversations the caller may answer, latest message first.

    Args:
        status (ConversationsListStatusType0 | None | Unset):
        assignee (None | str | Unset): `me`, `none` (no assignee) or a user id. Staff see theirs,
            their groups' and the unassigned ones; an admin sees all.
        group (None | str | Unset): `mine` (any of the caller's groups), `none` (in no group) or a
            group id.
        channel_id (None | Unset | UUID):
        language (ConversationsListLanguageType0 | None | Unset):
        older_than_hours (int | None | Unset): Opened more than this many hours ago.
        awaiting_approval (bool | Unset): Only those holding a public reply that waits for an
            editor (editors see these whoever they are assigned to). Default: False.
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageConversationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            assignee=assignee,
            group=group,
            channel_id=channel_id,
            language=language,
            older_than_hours=older_than_hours,
            awaiting_approval=awaiting_approval,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
