"""Media routes: the library (upload, list and search, alt text, where a photo is used) and
the public renditions (routed by the gateway)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, UploadFile, status

from catalog import i18n
from catalog.dependencies import SettingsDep, ViewDep
from catalog.errors import MediaTooLarge
from catalog.media import repository, service
from catalog.media.images import DecodeLimit
from catalog.media.schemas import (
    MediaDetail,
    MediaPlaceUse,
    MediaProductUse,
    MediaRead,
    MediaUpdate,
    MediaUsage,
)
from catalog.media.storage import Storage
from catalog.media.urls import media_urls
from catalog.models import Media
from catalog.present import View
from kit.dependencies import PrincipalDep, SessionDep
from kit.etags import CONDITIONAL_RESPONSES, conditional_json
from kit.pagination import DEFAULT_LIMIT, Limit, Page, UpdatedSince
from kit.preconditions import TAGGED, VERSIONED, IfMatchDep, set_etag

# Anonymous callers read renditions through `public_router`, nothing of this one.
router = APIRouter(prefix="/v1", tags=["media"])
# Renditions are public: social platforms fetch them by URL. Their ids are random UUIDs.
public_router = APIRouter(prefix="/v1", tags=["media"])
RenditionName = Literal["original", "thumbnail", "web", "portrait", "landscape"]


def _storage(request: Request) -> Storage:
    storage: Storage = request.app.state.media_storage
    return storage


def _decoder(request: Request) -> DecodeLimit:
    decoder: DecodeLimit = request.app.state.media_decoder
    return decoder


def _read(media: Media, public_base_url: str) -> MediaRead:
    read = MediaRead.model_validate(media)
    read.urls = media_urls(public_base_url, media.id)
    return read


async def prepared_upload(
    file: UploadFile, request: Request, settings: SettingsDep
) -> service.Prepared:
    """The upload checked and rendered. A dependency, so that it runs before the request takes
    its database connection (SessionDep, declared after it): uploads waiting for a decode slot
    hold neither their bytes in memory nor a connection of the pool."""
    if file.size is not None and file.size > settings.media_max_bytes:
        raise MediaTooLarge(f"uploads are at most {settings.media_max_bytes} bytes")
    return await service.prepare(
        _decoder(request),
        file.read,
        file.filename,
        settings.media_max_bytes,
        settings.media_max_pixels,
    )


PreparedUpload = Annotated[service.Prepared, Depends(prepared_upload)]


@router.post(
    "/media",
    status_code=status.HTTP_201_CREATED,
    response_model=MediaRead,
)
async def upload_media(
    upload: PreparedUpload, request: Request, session: SessionDep, settings: SettingsDep
) -> object:
    """Upload an image (multipart field `file`): JPEG, PNG or WebP; metadata is stripped."""
    media = await service.upload(session, _storage(request), upload)
    return _read(media, settings.public_base_url)


def _detail(media: Media, usage: service.Usage, view: View) -> MediaDetail:
    products = []
    for product in usage.products:
        use = MediaProductUse(
            id=product.id, slug=product.slug, name=product.name, status=product.status
        )
        use.lang, use.display_name = view.language.pick(product.name)
        products.append(use)
    places = []
    for place in usage.places:
        seen = MediaPlaceUse(id=place.id, slug=place.slug, name=place.name, status=place.status)
        seen.lang, seen.display_name = view.language.pick(place.name)
        places.append(seen)
    read = _read(media, view.public_base_url)
    return MediaDetail(**read.model_dump(), usage=MediaUsage(products=products, places=places))


@router.get("/media", response_model=Page[MediaRead], responses=CONDITIONAL_RESPONSES)
async def list_media(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the file name or the alt text")
    ] = None,
    updated_since: UpdatedSince = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Response:
    """The town's media library, newest first; searchable by file name and alt text."""
    text = i18n.normalize(q).strip() if q else None
    items, next_cursor = await repository.list_media(
        session, cursor=cursor, limit=limit, text=text or None, updated_since=updated_since
    )
    page = Page[MediaRead](
        items=[_read(m, settings.public_base_url) for m in items], next_cursor=next_cursor
    )
    return conditional_json(request, page)


@router.get("/media/{media_id}", response_model=MediaDetail, responses=TAGGED)
async def get_media(
    media_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
) -> object:
    """An upload's size, type, alt text, rendition URLs and where it is used, with its
    version's ETag (for `If-Match` on a change)."""
    media = await service.get(session, media_id)
    set_etag(response, media)
    return _detail(media, await service.usage(session, principal, media_id), view)


@router.patch("/media/{media_id}", response_model=MediaDetail, responses=VERSIONED)
async def update_media(
    media_id: uuid.UUID,
    data: MediaUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    precondition: IfMatchDep,
) -> object:
    """Set the photo's alt text per language; the products showing it announce the change.
    `If-Match` guards against overwriting someone else's change."""
    media = await service.update(session, media_id, data, view.public_base_url, precondition)
    set_etag(response, media)
    return _detail(media, await service.usage(session, principal, media_id), view)


# A rendition is re-encoded on upload: PNG when the image has transparency, else JPEG.
IMAGES = {
    t: {"schema": {"type": "string", "format": "binary"}} for t in ("image/jpeg", "image/png")
}


@public_router.get(
    "/media/{media_id}/{rendition}", response_class=Response, responses={200: {"content": IMAGES}}
)
async def get_rendition(
    media_id: uuid.UUID, rendition: RenditionName, request: Request
) -> Response:
    """One rendition's bytes (public, cacheable for a year: a media id never changes content)."""
    data, content_type = await service.read_rendition(_storage(request), media_id, rendition)
    return Response(
        data,
        media_type=content_type,
        headers={
            "Cache-Control": "public, max-age=31536000, immutable",
            "X-Content-Type-Options": "nosniff",
        },
    )
