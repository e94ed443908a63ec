"""Media routes: authenticated upload, public renditions (routed by the gateway)."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Request, Response, UploadFile, status

from catalog.dependencies import SettingsDep
from catalog.errors import MediaTooLarge
from catalog.media import service
from catalog.media.schemas import MediaRead
from catalog.media.storage import Storage
from catalog.media.urls import media_urls
from catalog.models import Media
from kit.dependencies import SessionDep

# Anonymous callers read renditions through `public_router`, nothing of this one.
router = APIRouter(prefix="/v1", tags=["media"])
# Renditions are public: social platforms fetch them by URL. Their ids are random UUIDs.
public_router = APIRouter(prefix="/v1", tags=["media"])
RenditionName = Literal["original", "thumbnail", "web", "portrait", "landscape"]


def _storage(request: Request) -> Storage:
    storage: Storage = request.app.state.media_storage
    return storage


def _read(media: Media, public_base_url: str) -> MediaRead:
    read = MediaRead.model_validate(media)
    read.urls = media_urls(public_base_url, media.id)
    return read


@router.post(
    "/media",
    status_code=status.HTTP_201_CREATED,
    response_model=MediaRead,
)
async def upload_media(
    file: UploadFile, request: Request, session: SessionDep, settings: SettingsDep
) -> object:
    """Upload an image (multipart field `file`): JPEG, PNG or WebP; metadata is stripped."""
    data = await file.read(settings.media_max_bytes + 1)
    if len(data) > settings.media_max_bytes:
        raise MediaTooLarge(f"uploads are at most {settings.media_max_bytes} bytes")
    media = await service.upload(
        session, _storage(request), data, file.filename, settings.media_max_pixels
    )
    return _read(media, settings.public_base_url)


@router.get("/media/{media_id}", response_model=MediaRead)
async def get_media(media_id: uuid.UUID, session: SessionDep, settings: SettingsDep) -> object:
    """An upload's size, type and rendition URLs."""
    return _read(await service.get(session, media_id), settings.public_base_url)


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
