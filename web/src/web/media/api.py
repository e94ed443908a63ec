"""The media library: the town's photos as a searchable grid with an upload form, and a page
per photo with its renditions as each platform shows them, its alt text in every language side
by side, and the products and places using it."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from web.console import service as console
from web.console.api import _town_frame
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.i18n import LANGUAGES, N_
from web.media import service

router = APIRouter(prefix="/console/media")
UPLOAD_REFUSALS = (413, 415, 422)  # too large, not an image, unreadable: said on the page


def _base(request: Request) -> str:
    """The gateway as browsers reach it, for the photos (WEB_PUBLIC_API_URL; "": this origin)."""
    base: str = request.app.state.public_api_url
    return base


async def _library(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    *,
    q: str = "",
    cursor: str = "",
    error: str | None = None,
    status: int = 200,
) -> Response:
    frame = await _town_frame(api, language)
    context = {
        **frame,
        "session": session,
        "q": q,
        "cursor": cursor,
        "library": await service.library(api, language, _base(request), q, cursor),
        "error": error,
    }
    return render.page(request, "media/library.html", context, status=status)


@router.get("", response_class=HTMLResponse)
async def library_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    q: str = "",
    cursor: str = "",
) -> Response:
    """The town's photos, newest first, searchable by file name and alt text."""
    return await _library(
        request, render, session, api, language, q=q.strip()[:200], cursor=cursor[:500]
    )


@router.post("", dependencies=[CsrfChecked])
async def upload(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Upload a photo into the library, then open its page to write its alt text."""
    photo = (await request.form()).get("photo")
    if not isinstance(photo, UploadFile) or not photo.filename:
        error = N_("Choose a photo to upload.")
        return await _library(request, render, session, api, language, error=error, status=422)
    if not (photo.content_type or "").startswith("image/"):
        error = N_("The photo must be an image (JPEG, PNG or WebP).")
        return await _library(request, render, session, api, language, error=error, status=415)
    try:
        uploaded = await console.upload_photo(api, photo)
    except ApiError as exc:
        if exc.status not in UPLOAD_REFUSALS:
            raise
        error = exc.detail or exc.title
        return await _library(
            request, render, session, api, language, error=error, status=exc.status
        )
    return RedirectResponse(f"/console/media/{uploaded.id}?uploaded=1", status_code=303)


async def _photo_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    media_id: UUID,
    form: service.AltForm | None = None,
    status: int = 200,
) -> Response:
    frame = await _town_frame(api, language)
    found, version = await service.photo(api, media_id, language)
    # A refused save keeps what was typed, and the version it was typed on: after a 412 the
    # writer reloads to see the other change rather than overwrite it.
    form = form or service.AltForm(service.alt_texts(found), version)
    context = {
        **frame,
        "session": session,
        "media": found,
        "name": service.name_of(found),
        "alt": service.alt_in(found, language),
        "renditions": service.renditions(found, _base(request)),
        "original": service.original_url(found, _base(request)),
        "form": form,
        "languages": LANGUAGES,
        "alt_limit": service.ALT_MAX_CHARS,
    }
    return render.page(request, "media/photo.html", context, status=status)


@router.get("/{media_id}", response_class=HTMLResponse)
async def photo_page(
    media_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """One photo: its renditions, its alt text in every language, and where it is used."""
    return await _photo_page(request, render, session, api, language, media_id)


@router.post("/{media_id}", dependencies=[CsrfChecked])
async def save_alt(
    media_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Save the photo's alt text in every language."""
    form = service.AltForm.read(await request.form())
    if form.errors:
        return await _photo_page(request, render, session, api, language, media_id, form, 422)
    try:
        await service.save_alt(api, media_id, form, language)
    except ApiError as exc:
        if exc.status == 412:
            form.errors = {
                "form": N_("Someone changed this photo meanwhile: reload it to see their change.")
            }
        elif exc.status == 422:
            form.errors = exc.field_errors() or {"form": exc.detail or exc.title}
        else:
            raise
        return await _photo_page(
            request, render, session, api, language, media_id, form, exc.status
        )
    return RedirectResponse(f"/console/media/{media_id}?saved=1", status_code=303)
