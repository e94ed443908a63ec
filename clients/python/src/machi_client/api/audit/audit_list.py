import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audit_event_read import PageAuditEventRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    tenant_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_actor: None | str | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_target: None | str | Unset
    if isinstance(target, Unset):
        json_target = UNSET
    else:
        json_target = target
    params["target"] = json_target

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    json_tenant_id: None | str | Unset
    if isinstance(tenant_id, Unset):
        json_tenant_id = UNSET
    elif isinstance(tenant_id, UUID):
        json_tenant_id = str(tenant_id)
    else:
        json_tenant_id = tenant_id
    params["tenant_id"] = json_tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEventRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEventRead.from_dict(response.json())

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
) -> Response[PageAuditEventRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    tenant_id: None | Unset | UUID = UNSET,
) -> Response[PageAuditEventRead | Problem]:
    """List Audit

     The audit log, newest first: admins their town's, the operator every town's (or
    `tenant_id`'s). Filters: `actor`, `action` (a name, or a prefix ending in `.`), `target`,
    `since`, `until`. `?format=csv` gives every matching record as CSV.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        format_ (None | str | Unset):
        actor (None | str | Unset): `user:<id>`, `key:<id>`
        action (None | str | Unset): An action, or a prefix ending in `.`
        target (None | str | Unset):
        since (datetime.datetime | None | Unset): Records made at or after
        until (datetime.datetime | None | Unset): Records made before
        tenant_id (None | Unset | UUID): Operator: one town's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        format_=format_,
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    tenant_id: None | Unset | UUID = UNSET,
) -> PageAuditEventRead | Problem | None:
    """List Audit

     The audit log, newest first: admins their town's, the operator every town's (or
    `tenant_id`'s). Filters: `actor`, `action` (a name, or a prefix ending in `.`), `target`,
    `since`, `until`. `?format=csv` gives every matching record as CSV.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        format_ (None | str | Unset):
        actor (None | str | Unset): `user:<id>`, `key:<id>`
        action (None | str | Unset): An action, or a prefix ending in `.`
        target (None | str | Unset):
        since (datetime.datetime | None | Unset): Records made at or after
        until (datetime.datetime | None | Unset): Records made before
        tenant_id (None | Unset | UUID): Operator: one town's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEventRead | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        format_=format_,
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    tenant_id: None | Unset | UUID = UNSET,
) -> Response[PageAuditEventRead | Problem]:
    """List Audit

     The audit log, newest first: admins their town's, the operator every town's (or
    `tenant_id`'s). Filters: `actor`, `action` (a name, or a prefix ending in `.`), `target`,
    `since`, `until`. `?format=csv` gives every matching record as CSV.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        format_ (None | str | Unset):
        actor (None | str | Unset): `user:<id>`, `key:<id>`
        action (None | str | Unset): An action, or a prefix ending in `.`
        target (None | str | Unset):
        since (datetime.datetime | None | Unset): Records made at or after
        until (datetime.datetime | None | Unset): Records made before
        tenant_id (None | Unset | UUID): Operator: one town's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        format_=format_,
        actor=actor,
        action=action,
        target=target,
        since=since,
        until=until,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    format_: None | str | Unset = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    tenant_id: None | Unset | UUID = UNSET,
) -> PageAuditEventRead | Problem | None:
    """List Audit

     The audit log, newest first: admins their town's, the operator every town's (or
    `tenant_id`'s). Filters: `actor`, `action` (a name, or a prefix ending in `.`), `target`,
    `since`, `until`. `?format=csv` gives every matching record as CSV.

    Args:
        cursor (None | str | Unset):
        limit (int | Unset): Items per page Default: 50.
        format_ (None | str | Unset):
        actor (None | str | Unset): `user:<id>`, `key:<id>`
        action (None | str | Unset): An action, or a prefix ending in `.`
        target (None | str | Unset):
        since (datetime.datetime | None | Unset): Records made at or after
        until (datetime.datetime | None | Unset): Records made before
        tenant_id (None | Unset | UUID): Operator: one town's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEventRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            format_=format_,
            actor=actor,
            action=action,
            target=target,
            since=since,
            until=until,
            tenant_id=tenant_id,
        )
    ).parsed
