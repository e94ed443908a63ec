"""Tracked links: create by hand, read, edit."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from analytics.dependencies import ContextDep
from analytics.links import service
from analytics.links.schemas import LinkCreate, LinkRead, LinkUpdate
from analytics.models import Link
from analytics.reports.service import producer_scope
from kit.dependencies import PrincipalDep, SessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page

# The public pages read products' buy links; anonymous callers reach nothing else here.
router = APIRouter(prefix="/v1/links", tags=["links"])


def _read(link: Link, ctx: ContextDep) -> LinkRead:
    read = LinkRead.model_validate(link)
    read.short_url = service.short_url(ctx.settings, link.code)
    return read


@router.post("", response_model=LinkRead, status_code=status.HTTP_201_CREATED)
async def create_link(body: LinkCreate, session: SessionDep, ctx: ContextDep) -> LinkRead:
    """Create a tracked link to the tenant's store or Machi's public pages."""
    return _read(await service.create(session, body, ctx.settings), ctx)


@router.get("", response_model=Page[LinkRead])
async def list_links(
    session: SessionDep,
    ctx: ContextDep,
    who: PrincipalDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    post_id: uuid.UUID | None = None,
) -> Page[LinkRead]:
    """The tenant's links, newest first (cursor pagination); to the public, buy links only; to
    a producer, their own products' links only, as their reports."""
    rows, next_cursor = await service.page(
        session,
        cursor,
        limit,
        post_id,
        buy_links_only=who.is_anonymous,
        producer_ids=None if who.is_anonymous else producer_scope(who),
    )
    items = [_read(r, ctx) for r in rows]
    if who.is_anonymous:  # no campaign tags, coupons or counts: those are the town's business
        items = [i.model_copy(update={"utm": {}, "coupon_code": None}) for i in items]
    else:
        clicks = await service.clicks_of(session, rows)
        items = [i.model_copy(update={"clicks": clicks[i.id]}) for i in items]
    return Page[LinkRead](items=items, next_cursor=next_cursor)


@router.get("/{link_id}", response_model=LinkRead)
async def read_link(
    link_id: uuid.UUID, session: SessionDep, ctx: ContextDep, who: PrincipalDep
) -> LinkRead:
    """One link of the tenant (of their own products, to a producer)."""
    return _read(await service.get(session, link_id, producer_scope(who)), ctx)


@router.patch("/{link_id}", response_model=LinkRead)
async def update_link(
    link_id: uuid.UUID, body: LinkUpdate, session: SessionDep, ctx: ContextDep
) -> LinkRead:
    """Edit a link; destinations outside the allowed hosts are refused."""
    link = await service.update(session, link_id, body, ctx.settings)
    ctx.cache.forget(link.code)
    return _read(link, ctx)
