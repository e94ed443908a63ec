"""Slot suggestions of a channel from the best-times report, and their acceptance in one call."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request

from gateway.audit import service as audit
from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.state import get_state
from gateway.suggestions import service
from gateway.suggestions.schemas import SlotSuggestions, SlotSuggestionsAccepted

router = APIRouter(prefix="/v1/channels/{channel_id}/slot-suggestions", tags=["slots"])

Limit = Annotated[int, Query(ge=1, le=24, description="How many of the best hours")]
Start = Annotated[date | None, Query(description="Report period's first day (town's days).")]
End = Annotated[date | None, Query(description="Report period's last day, exclusive.")]


def _period(start: date | None, end: date | None) -> service.Period:
    given = {"start": start, "end": end}
    return {key: day.isoformat() for key, day in given.items() if day is not None}


@router.get("", response_model=SlotSuggestions)
async def slot_suggestions(
    channel_id: uuid.UUID,
    request: Request,
    caller: CallerDep,
    limit: Limit = 3,
    start: Start = None,
    end: End = None,
) -> SlotSuggestions:
    """The channel's best weekly hours to post (best-times report, last 30 days unless a period
    is given) as slots in the town's timezone, each marked if the channel has it already."""
    services = get_state(request).services
    return await service.suggest(services, caller, channel_id, limit, _period(start, end))


@router.post("/accept", response_model=SlotSuggestionsAccepted)
async def accept_slot_suggestions(
    channel_id: uuid.UUID,
    request: Request,
    caller: CallerDep,
    session: GatewaySessionDep,
    limit: Limit = 3,
    start: Start = None,
    end: End = None,
) -> SlotSuggestionsAccepted:
    """Add the suggested slots the channel lacks (the same suggestions as the GET); calling it
    again adds nothing."""
    services = get_state(request).services
    accepted = await service.accept(services, caller, channel_id, limit, _period(start, end))
    if accepted.created:
        after = [i.model_dump() for i in accepted.items]
        await audit.record(
            session,
            caller,
            "slot_suggestions.accepted",
            f"channel:{channel_id}",
            after=after,
        )
    return accepted
