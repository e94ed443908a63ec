from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.media_rendition_get_rendition import MediaRenditionGetRendition
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    media_id: UUID,
    rendition: MediaRenditionGetRendition,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/media/{media_id}/{rendition}".format(
            media_id=quote(str(media_id), safe=""),
            rendition=quote(str(rendition), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    media_id: UUID,
    rendition: MediaRenditionGetRendition,
    *,
    client: AuthenticatedClient | Client,
) -> Response[File | Problem]:
    """Get Rendition

     One rendition's bytes (public, cacheable for a year: a media id never changes content).

    Args:
        media_id (UUID):
        rendition (MediaRenditionGetRendition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        rendition=rendition,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    media_id: UUID,
    rendition: MediaRenditionGetRendition,
    *,
    client: AuthenticatedClient | Client,
) -> File | Problem | None:
    """Get Rendition

     One rendition's bytes (public, cacheable for a year: a media id never changes content).

    Args:
        media_id (UUID):
        rendition (MediaRenditionGetRendition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        media_id=media_id,
        rendition=rendition,
        client=client,
    ).parsed


async def asyncio_detailed(
    media_id: UUID,
    rendition: MediaRenditionGetRendition,
    *,
    client: AuthenticatedClient | Client,
) -> Response[File | Problem]:
    """Get Rendition

     One rendition's bytes (public, cacheable for a year: a media id never changes content).

    Args:
        media_id (UUID):
        rendition (MediaRenditionGetRendition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        rendition=rendition,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    media_id: UUID,
    rendition: MediaRenditionGetRendition,
    *,
    client: AuthenticatedClient | Client,
) -> File | Problem | None:
    """Get Rendition

     One rendition's bytes (public, cacheable for a year: a media id never changes content).

    Args:
        media_id (UUID):
        rendition (MediaRenditionGetRendition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            media_id=media_id,
            rendition=rendition,
            client=client,
        )
    ).parsed
