"""The caller's notifications (`/v1/notifications`): newest first, and marking them read."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.notifications import service
from gateway.notifications.schemas import NotificationPage, NotificationRead, NotificationsRead
from kit.pagination import DEFAULT_LIMIT, Limit

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])


@router.get("", response_model=NotificationPage)
async def list_notifications(
    caller: CallerDep,
    session: GatewaySessionDep,
    unread: bool = False,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> NotificationPage:
    """The caller's notices, newest first (only the unread with `unread`), and how many are
    unread."""
    return await service.page(session, caller, unread=unread, cursor=cursor, limit=limit)


@router.post("/{notification_id}/read", response_model=NotificationRead)
async def read_notification(
    notification_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Mark one of the caller's notices read; someone else's is 404."""
    return await service.mark_read(session, caller, notification_id)


@router.post("/read-all", response_model=NotificationsRead)
async def read_all_notifications(caller: CallerDep, session: GatewaySessionDep) -> object:
    """Mark every notice of the caller read."""
    return NotificationsRead(read=await service.mark_all_read(session, caller))
