"""The calendar: a week or a month of posts per channel, filtered by channel, campaign and
status; a scheduled post moves with its own small form (no script needed), or by dragging it to
another day where script runs. The API decides whether a move is allowed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import i18n
from web.calendar import service
from web.campaigns import service as campaigns
from web.console import service as console
from web.console.api import _town, _town_frame
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError

router = APIRouter(prefix="/console/calendar")


def _uuid(value: str | None) -> UUID | None:
    try:
        return UUID(value) if value else None
    except ValueError:
        return None


def _day(value: str | None, timezone: str) -> date:
    try:
        return date.fromisoformat(value) if value else datetime.now(ZoneInfo(timezone)).date()
    except ValueError:
        return datetime.now(ZoneInfo(timezone)).date()


@router.get("", response_class=HTMLResponse)
async def calendar_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    view: Annotated[str, Query(max_length=8)] = "week",
    day: Annotated[str | None, Query(max_length=10)] = None,
    channel: Annotated[str | None, Query(max_length=36)] = None,
    campaign: Annotated[str | None, Query(max_length=36)] = None,
    status: Annotated[str | None, Query(max_length=16)] = None,
    moved: bool = False,
    refused: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    """A week (or month) of the town's posts per channel, in the town's timezone."""
    frame = await _town_frame(api, language)
    town = _town(frame)
    shown = service.period(view if view in service.VIEWS else "week", _day(day, town.timezone))
    channels = await service.channels(api)
    state = status if status in service.STATES else None
    found = await service.calendar(
        api, shown, town.timezone, channels, _uuid(channel), _uuid(campaign), state
    )
    filters = {
        "view": shown.view,
        "channel": str(_uuid(channel) or ""),
        "campaign": str(_uuid(campaign) or ""),
        "status": state or "",
    }

    def link(**changes: object) -> str:
        query = {k: v for k, v in {**filters, **changes}.items() if v}
        return f"/console/calendar?{urlencode(query)}"

    context = {
        **frame,
        "session": session,
        "calendar": found,
        "channels": channels,
        "campaigns": await campaigns.campaigns(api),
        "filters": filters,
        "states": service.STATES,
        "link": link,
        "today": datetime.now(ZoneInfo(town.timezone)).date(),
        "here": link(day=shown.day.isoformat()),
        "moved": moved,
        "refused": service.REFUSALS.get(refused or ""),
        "day_name": lambda d: i18n.day(d, language),
        "month_name": lambda d: i18n.month(d, language),
    }
    return render.page(request, "calendar/calendar.html", context)


@router.post("/move", dependencies=[CsrfChecked])
async def move_post(
    api: UserApi,
    language: LanguageDep,
    post_id: Annotated[UUID, Form()],
    at: Annotated[str, Form(max_length=32)],
    back: Annotated[str, Form(max_length=2000)] = "/console/calendar",
) -> Response:
    """Move a scheduled post to another time (every channel still waiting for it)."""
    town = _town(await _town_frame(api, language))
    target = back if back.startswith("/console/calendar") else "/console/calendar"
    joiner = "&" if "?" in target else "?"
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return RedirectResponse(f"{target}{joiner}refused=time", status_code=303)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(town.timezone))
    try:
        await console.schedule(api, post_id, moment, town.timezone)
    except ApiError as exc:
        if exc.status not in (403, 409, 422):
            raise
        return RedirectResponse(f"{target}{joiner}refused={service.refusal(exc)}", status_code=303)
    return RedirectResponse(f"{target}{joiner}moved=1", status_code=303)
