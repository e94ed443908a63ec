"""Producer routes: thin, one use case each."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from catalog import access, i18n, present
from catalog.dependencies import ViewDep
from catalog.producers import repository, service
from catalog.producers.schemas import ProducerCreate, ProducerRead, ProducerUpdate
from kit.dependencies import PrincipalDep, SessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page, UpdatedSince
from kit.preconditions import TAGGED, VERSIONED, IfMatchDep, set_etag

router = APIRouter(prefix="/v1", tags=["catalog"])


@router.post(
    "/producers",
    status_code=status.HTTP_201_CREATED,
    response_model=ProducerRead,
)
async def create_producer(data: ProducerCreate, session: SessionDep, view: ViewDep) -> object:
    """Register a producer (town staff)."""
    return present.producer(await service.create_producer(session, data), view)


@router.get("/producers", response_model=Page[ProducerRead])
async def list_producers(
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    updated_since: UpdatedSince = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in a name (any language) or code")
    ] = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """List the producers the caller may see, newest first; `q` finds them by name or code. To
    the public (the city page), the public producers' names and stories, without their contact
    details."""
    visitor = access.public_view(principal)
    items, next_cursor = await repository.list_producers(
        session,
        cursor=cursor,
        limit=limit,
        only=access.producer_scope(principal),
        updated_since=updated_since,
        text=i18n.normalize(q).strip() if q else None,
        public_only=visitor,
    )
    shown = [present.producer(p, view) for p in items]
    if visitor:
        shown = [present.public_producer(p) for p in shown]
    return {"items": shown, "next_cursor": next_cursor}


@router.get("/producers/{producer_id}", response_model=ProducerRead, responses=TAGGED)
async def get_producer(
    producer_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
) -> object:
    """One producer, with its version's ETag."""
    producer = await service.get_producer(session, principal, producer_id)
    set_etag(response, producer)
    return present.producer(producer, view)


@router.patch("/producers/{producer_id}", response_model=ProducerRead, responses=VERSIONED)
async def update_producer(
    producer_id: uuid.UUID,
    data: ProducerUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    precondition: IfMatchDep,
) -> object:
    """Change a producer's profile (staff, or the producer's own users); `If-Match` guards
    against overwriting someone else's change."""
    producer = await service.update_producer(session, principal, producer_id, data, precondition)
    set_etag(response, producer)
    return present.producer(producer, view)
