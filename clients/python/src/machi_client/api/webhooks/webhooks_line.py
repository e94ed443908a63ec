from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_accepted import WebhookAccepted
from ...types import Response


def _get_kwargs(
    town: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks/{town}/line".format(
            town=quote(str(town), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookAccepted | None:
    if response.status_code == 200:
        response_200 = WebhookAccepted.from_dict(response.json())

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
) -> Response[Problem | WebhookAccepted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    town: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | WebhookAccepted]:
    """Line Webhook

     LINE Messaging API events (text, image, follow, unsend), signed with `X-Line-Signature`
    by one of the town's LINE channels; stored, then threaded by the worker.

    Args:
        town (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAccepted]
    """

    kwargs = _get_kwargs(
        town=town,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    town: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | WebhookAccepted | None:
    """Line Webhook

     LINE Messaging API events (text, image, follow, unsend), signed with `X-Line-Signature`
    by one of the town's LINE channels; stored, then threaded by the worker.

    Args:
        town (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAccepted
    """

    return sync_detailed(
        town=town,
        client=client,
    ).parsed


async def asyncio_detailed(
    town: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | WebhookAccepted]:
    """Line Webhook

     LINE Messaging API events (text, image, follow, unsend), signed with `X-Line-Signature`
    by one of the town's LINE channels; stored, then threaded by the worker.

    Args:
        town (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAccepted]
    """

    kwargs = _get_kwargs(
        town=town,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    town: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | WebhookAccepted | None:
    """Line Webhook

     LINE Messaging API events (text, image, follow, unsend), signed with `X-Line-Signature`
    by one of the town's LINE channels; stored, then threaded by the worker.

    Args:
        town (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAccepted
    """

    return (
        await asyncio_detailed(
            town=town,
            client=client,
        )
    ).parsed
