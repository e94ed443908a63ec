"""Post routes: drafts, preview, the workflow (submit, approve, reject, schedule, cancel)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy.ext.asyncio import AsyncSession

from kit.auth import InternalPrincipal
from kit.dependencies import PrincipalDep, SessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from kit.preconditions import TAGGED, VERSIONED, IfMatchDep, set_etag
from publisher.dependencies import BroadcastsDep, SettingsDep
from publisher.errors import PostNotFound
from publisher.models import Post
from publisher.posts import repository, service
from publisher.posts.schemas import (
    PostCreate,
    PostRead,
    PostUpdate,
    PreviewRead,
    Rejection,
    ScheduleRequest,
    TransitionRead,
)
from publisher.settings import PublisherSettings
from publisher.tenants import service as tenants
from publisher.tenants.schemas import PublishingSettingsRead, PublishingSettingsUpdate

# The city page reads published posts; anonymous callers reach nothing else of the publisher's.
router = APIRouter(prefix="/v1/posts", tags=["posts"])


def _shown(post: Post, permalinks: list[str], who: InternalPrincipal) -> PostRead:
    read = PostRead.model_validate(post)
    read.permalinks = permalinks
    if who.is_anonymous:  # the public sees what was posted, not who wrote or reviewed it
        read = read.model_copy(
            update={
                "created_by": None,
                "review_comment": None,
                "channel_ids": [],
                "variants": {},
                "campaign_id": None,
                "planned_at": None,
            }
        )
    return read


@router.get("", response_model=Page[PostRead])
async def list_posts(
    session: SessionDep,
    who: PrincipalDep,
    product_id: uuid.UUID | None = None,
    campaign_id: uuid.UUID | None = None,
    status: str | None = Query(default=None, max_length=16),
    updated_since: Annotated[
        datetime | None,
        Query(description="Only what changed at or after this instant (`updated_at`), to sync"),
    ] = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """List the tenant's posts, newest first (to the public: only published ones)."""
    items, next_cursor = await repository.list_posts(
        session,
        cursor=cursor,
        limit=limit,
        product_id=product_id,
        status=status,
        campaign_id=campaign_id,
        updated_since=updated_since,
        public_only=who.is_anonymous,
    )
    permalinks = await repository.permalinks_of(session, [p.id for p in items])
    return {"items": [_shown(p, permalinks[p.id], who) for p in items], "next_cursor": next_cursor}


@router.post("", status_code=201, response_model=PostRead)
async def create_post(
    body: PostCreate, session: SessionDep, who: PrincipalDep, settings: SettingsDep
) -> object:
    """Write a draft; `validation` says what the preview would of it on each channel."""
    post = await service.create(session, who, body)
    return await _checked(session, settings, who, post)


async def _checked(
    session: AsyncSession, settings: PublisherSettings, who: InternalPrincipal, post: Post
) -> PostRead:
    read = PostRead.model_validate(post)
    read.validation = await service.validation_of(session, settings, who, post)
    return read


@router.post("/preview", response_model=PreviewRead)
async def preview_post(
    body: PostCreate,
    session: SessionDep,
    who: PrincipalDep,
    settings: SettingsDep,
    broadcasts: BroadcastsDep,
) -> object:
    """Each channel's text with its tracked link, counted and checked by the platform's rules;
    a LINE broadcast shows the messages it will use of the month's quota."""
    return await service.preview(session, settings, who, body, broadcasts)


@router.get("/settings", response_model=PublishingSettingsRead)
async def get_settings(session: SessionDep, settings: SettingsDep) -> object:
    """The tenant's publishing settings (timezone, automatic drafts)."""
    return await tenants.current(session, settings.default_timezone)


@router.put("/settings", response_model=PublishingSettingsRead)
async def put_settings(
    body: PublishingSettingsUpdate, session: SessionDep, settings: SettingsDep
) -> object:
    """Change the tenant's publishing settings."""
    return await tenants.update(session, settings.default_timezone, body)


@router.get("/{post_id}", response_model=PostRead, responses=TAGGED)
async def get_post(
    post_id: uuid.UUID, response: Response, session: SessionDep, who: PrincipalDep
) -> object:
    """One post (to the public: only a published one), with its version as `ETag`."""
    post = await service.get(session, post_id)
    if who.is_anonymous and post.status not in repository.PUBLIC_STATUSES:
        raise PostNotFound(f"no post {post_id}")
    set_etag(response, post)
    return _shown(post, (await repository.permalinks_of(session, [post.id]))[post.id], who)


@router.patch("/{post_id}", response_model=PostRead, responses=VERSIONED)
async def update_post(
    post_id: uuid.UUID,
    body: PostUpdate,
    response: Response,
    session: SessionDep,
    who: PrincipalDep,
    settings: SettingsDep,
    precondition: IfMatchDep,
) -> object:
    """Edit a draft or a rejected post; `validation` says what the preview would of it.
    `If-Match` with the ETag of your last read guards against overwriting another's edit."""
    post = await service.update(session, who, post_id, body, precondition)
    set_etag(response, post)
    return await _checked(session, settings, who, post)


@router.get("/{post_id}/transitions", response_model=Page[TransitionRead])
async def post_transitions(
    post_id: uuid.UUID,
    session: SessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """Who moved the post through its workflow, and when, oldest first."""
    await service.get(session, post_id)
    items, next_cursor = await repository.transitions(session, post_id, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.post("/{post_id}/submit", response_model=PostRead)
async def submit_post(
    post_id: uuid.UUID,
    session: SessionDep,
    who: PrincipalDep,
    settings: SettingsDep,
    broadcasts: BroadcastsDep,
) -> object:
    """Validate and ask for approval (approved at once where no channel asks for it); a LINE
    broadcast over the month's quota or outside the plan is refused."""
    return await service.submit(session, settings, who, post_id, broadcasts)


@router.post("/{post_id}/approve", response_model=PostRead)
async def approve_post(
    post_id: uuid.UUID, session: SessionDep, who: PrincipalDep, settings: SettingsDep
) -> object:
    """Approve someone else's submitted post."""
    return await service.approve(session, settings, who, post_id)


@router.post("/{post_id}/reject", response_model=PostRead)
async def reject_post(
    post_id: uuid.UUID, body: Rejection, session: SessionDep, who: PrincipalDep
) -> object:
    """Send a submitted post back with a comment."""
    return await service.reject(session, who, post_id, body.comment)


@router.post("/{post_id}/schedule", response_model=PostRead)
async def schedule_post(
    post_id: uuid.UUID,
    body: ScheduleRequest,
    session: SessionDep,
    who: PrincipalDep,
    settings: SettingsDep,
) -> object:
    """Schedule an approved post at a time, or into each channel's next free slot; an editor
    moves a scheduled post (its deliveries not yet started) the same way."""
    return await service.schedule(session, settings, who, post_id, body)


@router.post("/{post_id}/cancel", response_model=PostRead)
async def cancel_post(post_id: uuid.UUID, session: SessionDep, who: PrincipalDep) -> object:
    """Withdraw the post; deliveries not yet out are cancelled."""
    return await service.cancel(session, who, post_id)
