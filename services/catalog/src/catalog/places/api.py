"""Place routes; writes are town staff's."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import access, i18n
from catalog.dependencies import SettingsDep, ViewDep
from catalog.errors import PlaceNotFound
from catalog.media import repository as media_repo
from catalog.media.alt import LibraryAlts, media_ids
from catalog.models import Place
from catalog.places import repository, service
from catalog.places.schemas import PlaceCreate, PlaceKind, PlaceRead, PlaceUpdate
from catalog.present import View, media_ref
from catalog.schemas import ProductStatus
from kit.dependencies import PrincipalDep, SessionDep
from kit.etags import CONDITIONAL_RESPONSES, conditional_json
from kit.pagination import DEFAULT_LIMIT, Limit, Page, UpdatedSince
from kit.preconditions import TAGGED, VERSIONED, IfMatchDep, set_etag, version_etag

router = APIRouter(prefix="/v1", tags=["places"])
VARY = "Accept-Language"


async def present_all(session: AsyncSession, places: list[Place], view: View) -> list[PlaceRead]:
    """Places as the caller sees them, their photos' alt text from the media library."""
    alts = await media_repo.alts_of(session, media_ids(p.media for p in places))
    return [_present(place, view, alts) for place in places]


async def present(session: AsyncSession, place: Place, view: View) -> PlaceRead:
    [read] = await present_all(session, [place], view)
    return read


def _present(place: Place, view: View, alts: LibraryAlts) -> PlaceRead:
    read = PlaceRead.model_validate(place)
    read.lang, read.display_name = view.language.pick(place.name)
    read.display_description = view.language.pick(place.description)[1]
    read.media = [media_ref(ref, view, alts) for ref in place.media]
    return read


@router.post(
    "/places",
    status_code=status.HTTP_201_CREATED,
    response_model=PlaceRead,
)
async def create_place(data: PlaceCreate, session: SessionDep, view: ViewDep) -> object:
    """Add a tourist spot as a draft."""
    return await present(session, await service.create_place(session, data), view)


@router.get("/places", response_model=Page[PlaceRead], responses=CONDITIONAL_RESPONSES)
async def list_places(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    kind: PlaceKind | None = None,
    status: ProductStatus | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    updated_since: UpdatedSince = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Response:
    """Places, newest first; by kind, status or text in any language."""
    text = i18n.normalize(q).strip() if q else None
    if access.public_view(principal):
        if status not in (None, "published"):
            return conditional_json(request, Page[PlaceRead](items=[]), vary=VARY)
        status = "published"
    items, next_cursor = await repository.list_places(
        session,
        cursor=cursor,
        limit=limit,
        kind=kind,
        status=status,
        text=text or None,
        updated_since=updated_since,
    )
    page = Page[PlaceRead](items=await present_all(session, items, view), next_cursor=next_cursor)
    return conditional_json(request, page, vary=VARY)


@router.get(
    "/places/{place_id}", response_model=PlaceRead, responses={**CONDITIONAL_RESPONSES, **TAGGED}
)
async def get_place(
    request: Request,
    place_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
) -> Response:
    """One place, with its version's ETag (If-None-Match answers 304)."""
    place = await service.get_place(session, place_id)
    if access.public_view(principal) and place.status != "published":
        raise PlaceNotFound(f"no place {place_id}")
    read = await present(session, place, view)
    return conditional_json(request, read, vary=VARY, etag=version_etag(place))


@router.patch("/places/{place_id}", response_model=PlaceRead, responses=VERSIONED)
async def update_place(
    place_id: uuid.UUID,
    data: PlaceUpdate,
    response: Response,
    session: SessionDep,
    view: ViewDep,
    precondition: IfMatchDep,
) -> object:
    """Change a place; `If-Match` guards against overwriting someone else's change."""
    place = await service.update_place(session, place_id, data, precondition)
    set_etag(response, place)
    return await present(session, place, view)


@router.post("/places/{place_id}/publish", response_model=PlaceRead)
async def publish_place(
    place_id: uuid.UUID, session: SessionDep, view: ViewDep, settings: SettingsDep
) -> object:
    """Publish a place: `catalog.place.published.v1`."""
    place = await service.publish_place(session, place_id, settings.public_base_url)
    return await present(session, place, view)


@router.post("/places/{place_id}/archive", response_model=PlaceRead)
async def archive_place(place_id: uuid.UUID, session: SessionDep, view: ViewDep) -> object:
    """Archive a place."""
    return await present(session, await service.archive_place(session, place_id), view)
