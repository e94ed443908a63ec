"""The CSV import pages: upload a catalog CSV, watch its progress (a little script polls; without
it the page reloads itself), read its bad rows; download the catalog as CSV."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from web.catalog import service as catalog
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.imports import service

router = APIRouter(prefix="/console/imports")

REFUSALS = (409, 413, 415, 422)  # a file the API will not take: shown on the upload form


async def _upload_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    error: ApiError | None = None,
    missing: bool = False,
) -> Response:
    context = {
        **(await catalog.frame(api, language)),
        "session": session,
        "error": error,
        "missing": missing,
    }
    return render.page(
        request, "catalog/import_upload.html", context, status=422 if error or missing else 200
    )


@router.get("", response_class=HTMLResponse)
async def upload_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The upload form, the CSV format in a few words, and the export link."""
    return await _upload_page(request, render, session, api, language)


@router.post("", dependencies=[CsrfChecked])
async def upload(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    file: Annotated[UploadFile | None, File()] = None,
    publish: Annotated[str, Form()] = "",
) -> Response:
    """Hand the file to the API; its progress page follows."""
    if file is None or not file.filename:
        return await _upload_page(request, render, session, api, language, missing=True)
    try:
        started = await service.start_import(api, file, publish == "on")
    except ApiError as exc:
        if exc.status not in REFUSALS:
            raise
        return await _upload_page(request, render, session, api, language, error=exc)
    return RedirectResponse(f"/console/imports/{started.id}", status_code=303)


@router.get("/export")
async def export(api: UserApi) -> Response:
    """The catalog as CSV, in the import's format (a producer user: their own producers')."""
    body = await service.export(api)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="catalog.csv"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/{import_id}", response_class=HTMLResponse)
async def import_page(
    import_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """An import's progress bar, and once it ends, what it did or each bad row."""
    found = await service.import_status(api, import_id)
    context = {
        **(await catalog.frame(api, language)),
        "session": session,
        "job": found,
        "percent": service.percent(found),
        "finished": found.status in service.FINISHED,
        "summary": dict(found.summary.additional_properties),
        "labels": service.SUMMARY,
    }
    response = render.page(request, "catalog/import.html", context)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/{import_id}/progress")
async def progress(import_id: UUID, api: UserApi) -> Response:
    """How far the import is, for the page's script: percent, status, and whether it ended."""
    found = await service.import_status(api, import_id)
    body = {
        "percent": service.percent(found),
        "status": found.status,
        "finished": found.status in service.FINISHED,
        "processed_rows": found.processed_rows,
        "total_rows": found.total_rows,
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
