from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.media_detail import MediaDetail
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    media_id: UUID,
    *,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language

    params: dict[str, Any] = {}

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/media/{media_id}".format(
            media_id=quote(str(media_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MediaDetail | Problem | None:
    if response.status_code == 200:
        response_200 = MediaDetail.from_dict(response.json())

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
) -> Response[MediaDetail | Problem]:
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
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Response[MediaDetail | Problem]:
    """Get Media

     An upload's size, type, alt text, rendition URLs and where it is used, with its
    version's ETag (for `If-Match` on a change).

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MediaDetail | Problem]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        lang=lang,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> MediaDetail | Problem | None:
    """Get Media

     An upload's size, type, alt text, rendition URLs and where it is used, with its
    version's ETag (for `If-Match` on a change).

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MediaDetail | Problem
    """

    return sync_detailed(
        media_id=media_id,
        client=client,
        lang=lang,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> Response[MediaDetail | Problem]:
    """Get Media

     An upload's size, type, alt text, rendition URLs and where it is used, with its
    version's ETag (for `If-Match` on a change).

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MediaDetail | Problem]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        lang=lang,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    media_id: UUID,
    *,
    client: AuthenticatedClient,
    lang: None | str | Unset = UNSET,
    accept_language: None | str | Unset = UNSET,
) -> MediaDetail | Problem | None:
    """Get Media

     An upload's size, type, alt text, rendition URLs and where it is used, with its
    version's ETag (for `If-Match` on a change).

    Args:
        media_id (UUID):
        lang (None | str | Unset): Language to show (ja, ko, en)
        accept_language (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MediaDetail | Problem
    """

    return (
        await asyncio_detailed(
            media_id=media_id,
            client=client,
            lang=lang,
            accept_language=accept_language,
        )
    ).parsed
