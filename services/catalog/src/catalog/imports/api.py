"""CSV import and export routes (format: README, "Catalog CSV import")."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Query, UploadFile, status
from fastapi.responses import Response

from catalog import access
from catalog.dependencies import SettingsDep
from catalog.errors import InvalidCsv, MediaTooLarge
from catalog.imports import service
from catalog.imports.schemas import ImportRead
from catalog.products.service import ACTIVE_PRODUCTS_LIMIT
from kit.dependencies import PrincipalDep, SessionDep

# The export holds drafts and producers' contacts: never for anonymous callers.
router = APIRouter(prefix="/v1", tags=["imports"])
PUBLISH = (
    "Publish every product the file creates or updates, as `POST /v1/products/publish` would;"
    " a product that cannot be published fails the whole file (form field or query parameter)"
)


@router.post(
    "/imports",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ImportRead,
)
async def create_import(
    file: UploadFile,
    session: SessionDep,
    principal: PrincipalDep,
    settings: SettingsDep,
    publish: Annotated[bool, Form(description=PUBLISH)] = False,
    publish_param: Annotated[bool, Query(alias="publish", description=PUBLISH)] = False,
) -> object:
    """Upload a CSV (multipart field `file`); a worker runs it: poll `GET /v1/imports/{id}`."""
    data = await file.read(settings.import_max_bytes + 1)
    if len(data) > settings.import_max_bytes:
        raise MediaTooLarge(f"the file is over {settings.import_max_bytes} bytes")
    if not data:
        raise InvalidCsv("the file is empty")
    publishing = service.Publishing(
        publish=publish or publish_param,
        active_products_limit=principal.limits.get(ACTIVE_PRODUCTS_LIMIT),
    )
    return await service.start(session, file.filename, data, principal.actor, publishing)


@router.get(
    "/imports/export",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def export_catalog(session: SessionDep, principal: PrincipalDep) -> Response:
    """The tenant's producers, products and variants as CSV, in the import format (a producer
    user's own producers only)."""
    body = await service.export(session, access.producer_scope(principal))
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="catalog.csv"'},
    )


@router.get("/imports/{import_id}", response_model=ImportRead)
async def get_import(import_id: uuid.UUID, session: SessionDep) -> object:
    """An import's status, progress and report of bad rows."""
    return await service.get(session, import_id)
