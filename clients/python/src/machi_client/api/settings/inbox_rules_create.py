from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rule_create import RuleCreate
from ...models.rule_read import RuleRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RuleCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/settings/inbox/rules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RuleRead | None:
    if response.status_code == 201:
        response_201 = RuleRead.from_dict(response.json())

        return response_201

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
) -> Response[Problem | RuleRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RuleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RuleRead]:
    """Add Rule

     A rule assigning new conversations on a channel or with a keyword to a staff member.

    Args:
        idempotency_key (str | Unset):
        body (RuleCreate): Give new conversations on a channel, whose first message holds a
            keyword (case ignored)
            or is in a language, to a staff member (`assignee`) or to a group (`group_id`: its members
            in turn); rules are tried in `position` order, the first match wins.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RuleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RuleRead | None:
    """Add Rule

     A rule assigning new conversations on a channel or with a keyword to a staff member.

    Args:
        idempotency_key (str | Unset):
        body (RuleCreate): Give new conversations on a channel, whose first message holds a
            keyword (case ignored)
            or is in a language, to a staff member (`assignee`) or to a group (`group_id`: its members
            in turn); rules are tried in `position` order, the first match wins.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleRead
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RuleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RuleRead]:
    """Add Rule

     A rule assigning new conversations on a channel or with a keyword to a staff member.

    Args:
        idempotency_key (str | Unset):
        body (RuleCreate): Give new conversations on a channel, whose first message holds a
            keyword (case ignored)
            or is in a language, to a staff member (`assignee`) or to a group (`group_id`: its members
            in turn); rules are tried in `position` order, the first match wins.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RuleRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RuleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RuleRead | None:
    """Add Rule

     A rule assigning new conversations on a channel or with a keyword to a staff member.

    Args:
        idempotency_key (str | Unset):
        body (RuleCreate): Give new conversations on a channel, whose first message holds a
            keyword (case ignored)
            or is in a language, to a staff member (`assignee`) or to a group (`group_id`: its members
            in turn); rules are tried in `position` order, the first match wins.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RuleRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
