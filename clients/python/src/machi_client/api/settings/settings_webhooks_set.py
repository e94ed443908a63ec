from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.settings_webhooks_set_store import SettingsWebhooksSetStore
from ...models.webhook_secret_set import WebhookSecretSet
from ...types import UNSET, Response, Unset


def _get_kwargs(
    store: SettingsWebhooksSetStore,
    *,
    body: WebhookSecretSet,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/settings/webhooks/{store}".format(
            store=quote(str(store), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    store: SettingsWebhooksSetStore,
    *,
    client: AuthenticatedClient,
    body: WebhookSecretSet,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Set Webhook Secret

     Set the secret a store signs its webhooks with; stored encrypted, never returned.

    Args:
        store (SettingsWebhooksSetStore):
        idempotency_key (str | Unset):
        body (WebhookSecretSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        store=store,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    store: SettingsWebhooksSetStore,
    *,
    client: AuthenticatedClient,
    body: WebhookSecretSet,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | None:
    """Set Webhook Secret

     Set the secret a store signs its webhooks with; stored encrypted, never returned.

    Args:
        store (SettingsWebhooksSetStore):
        idempotency_key (str | Unset):
        body (WebhookSecretSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        store=store,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    store: SettingsWebhooksSetStore,
    *,
    client: AuthenticatedClient,
    body: WebhookSecretSet,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Set Webhook Secret

     Set the secret a store signs its webhooks with; stored encrypted, never returned.

    Args:
        store (SettingsWebhooksSetStore):
        idempotency_key (str | Unset):
        body (WebhookSecretSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        store=store,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    store: SettingsWebhooksSetStore,
    *,
    client: AuthenticatedClient,
    body: WebhookSecretSet,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | None:
    """Set Webhook Secret

     Set the secret a store signs its webhooks with; stored encrypted, never returned.

    Args:
        store (SettingsWebhooksSetStore):
        idempotency_key (str | Unset):
        body (WebhookSecretSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            store=store,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
