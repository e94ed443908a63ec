"""Delivery routes: the unit of work, its attempts, and the late ones (watchdog)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from kit.dependencies import PrincipalDep, SessionDep
from kit.errors import NotFound
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from publisher.dependencies import SettingsDep
from publisher.dispatch import repository, retry
from publisher.dispatch.schemas import AttemptRead, DeliveryRead
from publisher.models import Delivery

router = APIRouter(prefix="/v1/deliveries", tags=["deliveries"])


def _read(delivery: Delivery) -> DeliveryRead:
    shown = DeliveryRead.model_validate(delivery)
    shown.retryable = retry.refusal(delivery) is None
    return shown


@router.get("", response_model=Page[DeliveryRead])
async def list_deliveries(
    session: SessionDep,
    settings: SettingsDep,
    state: str | None = Query(
        default=None, max_length=16, description="A delivery state, or `late` (watchdog)."
    ),
    post_id: uuid.UUID | None = None,
    channel_id: uuid.UUID | None = None,
    campaign_id: uuid.UUID | None = None,
    due_from: Annotated[
        AwareDatetime | None, Query(description="Only those due at or after this instant")
    ] = None,
    due_to: Annotated[
        AwareDatetime | None, Query(description="Only those due before this instant (a calendar)")
    ] = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """Deliveries, newest first; `state=late`: due but not picked up after the grace time;
    `due_from`/`due_to`: a calendar's period."""
    late_before = None
    if state == "late":
        late_before = datetime.now(UTC) - timedelta(minutes=settings.late_after_minutes)
    items, next_cursor = await repository.list_page(
        session,
        cursor=cursor,
        limit=limit,
        state=state,
        post_id=post_id,
        channel_id=channel_id,
        campaign_id=campaign_id,
        due=(due_from, due_to),
        late_before=late_before,
    )
    return {"items": [_read(d) for d in items], "next_cursor": next_cursor}


@router.get("/{delivery_id}", response_model=DeliveryRead)
async def get_delivery(delivery_id: uuid.UUID, session: SessionDep) -> object:
    """One delivery."""
    delivery = await repository.get(session, delivery_id)
    if delivery is None:
        raise NotFound(f"no delivery {delivery_id}")
    return _read(delivery)


@router.get("/{delivery_id}/attempts", response_model=Page[AttemptRead])
async def delivery_attempts(
    delivery_id: uuid.UUID,
    session: SessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """Every platform call made for the delivery, oldest first: phase, outcome, codes, timing,
    rate headers."""
    if await repository.get(session, delivery_id) is None:
        raise NotFound(f"no delivery {delivery_id}")
    items, next_cursor = await repository.attempts_of(
        session, delivery_id, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post("/{delivery_id}/retry", response_model=DeliveryRead)
async def retry_delivery(delivery_id: uuid.UUID, session: SessionDep, who: PrincipalDep) -> object:
    """Send a failed delivery again, only when it failed before the platform's publish call
    (token refresh or media preparation) and not for a refusal of the post itself; its channel
    must be active. Otherwise `retry-refused` (409) with the reason: a publish call that was
    made is never repeated by hand."""
    return _read(await retry.retry(session, who, delivery_id))
