from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.media_detail import MediaDetail
from ...models.media_update import MediaUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    media_id: UUID,
    *,
    body: MediaUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/media/{media_id}".format(
            media_id=quote(str(media_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | MediaDetail | Problem | None:
    if response.status_code == 200:
        response_200 = MediaDetail.from_dict(response.json())

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
) -> Response[Any | MediaDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MediaUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | MediaDetail | Problem]:
    """Update Media

     Set the photo's alt text per language; the products showing it announce the change.
    `If-Match` guards against overwriting someone else's change.

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (MediaUpdate): Alt text to set: each language given replaces that language's text; an
            empty text
            removes it; languages not given stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MediaDetail | Problem]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        body=body,
        lang=lang,
        accept_language=accept_language,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MediaUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | MediaDetail | Problem | None:
    """Update Media

     Set the photo's alt text per language; the products showing it announce the change.
    `If-Match` guards against overwriting someone else's change.

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (MediaUpdate): Alt text to set: each language given replaces that language's text; an
            empty text
            removes it; languages not given stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MediaDetail | Problem
    """

    return sync_detailed(
        media_id=media_id,
        client=client,
        body=body,
        lang=lang,
        accept_language=accept_language,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MediaUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | MediaDetail | Problem]:
    """Update Media

     Set the photo's alt text per language; the products showing it announce the change.
    `If-Match` guards against overwriting someone else's change.

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (MediaUpdate): Alt text to set: each language given replaces that language's text; an
            empty text
            removes it; languages not given stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MediaDetail | Problem]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        body=body,
        lang=lang,
        accept_language=accept_language,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MediaUpdate,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Any | MediaDetail | Problem | None:
    """Update Media

     Set the photo's alt text per language; the products showing it announce the change.
    `If-Match` guards against overwriting someone else's change.

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):
        if_match (None | str | Unset): Only change the resource if its current ETag is one of
            these (or `*`); otherwise 412 and nothing changes. Send the ETag of your last read.
        idempotency_key (str | Unset):
        body (MediaUpdate): Alt text to set: each language given replaces that language's text; an
            empty text
            removes it; languages not given stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MediaDetail | Problem
    """

    return (
        await asyncio_detailed(
            media_id=media_id,
            client=client,
            body=body,
            lang=lang,
            accept_language=accept_language,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
