"""The campaigns pages: the town's campaigns, a new one (products picked by hand or by rule,
cadence or each channel's slots, channels, template text or a stored template, language), every
post it made with each channel's preview and the products it passed over, and submit, approve,
pause, resume and cancel. Refusals from the API are shown in plain words."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import i18n
from web.campaigns import service
from web.campaigns.schemas import CampaignForm
from web.composer.service import PLATFORM_NAMES
from web.console import service as console
from web.console.api import _town, _town_frame
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError

router = APIRouter(prefix="/console/campaigns")


@router.get("", response_class=HTMLResponse)
async def campaigns_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The town's campaigns, newest first."""
    frame = await _town_frame(api, language)
    context = {**frame, "session": session, "campaigns": await service.campaigns(api)}
    return render.page(request, "campaigns/campaigns.html", context)


async def _form_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    form: CampaignForm,
    status: int = 200,
) -> Response:
    frame = await _town_frame(api, language)
    products = [p for p in await console.products(api, language) if p.status == "published"]
    context = {
        **frame,
        "session": session,
        "form": form,
        "products": [(str(p.id), console.product_name(p)) for p in products],
        "channels": await console.channels(api),
        "templates": await service.templates(api),
        "platform_names": PLATFORM_NAMES,
        "languages": i18n.LANGUAGE_NAMES,
    }
    return render.page(request, "campaigns/new.html", context, status=status)


@router.get("/new", response_class=HTMLResponse)
async def new_campaign(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The form for a new campaign, starting tomorrow at noon in the town's language."""
    town = _town(await _town_frame(api, language))
    tomorrow = datetime.now(ZoneInfo(town.timezone)).date() + timedelta(days=1)
    form = CampaignForm(language=language, start_date=tomorrow.isoformat())
    return await _form_page(request, render, session, api, language, form)


@router.post("", dependencies=[CsrfChecked])
async def create_campaign(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Create the campaign; the API makes one draft per product at the cadence's times."""
    town = _town(await _town_frame(api, language))
    form = CampaignForm.read(await request.form())
    if not form.errors:
        try:
            created = await service.create(api, form, town.timezone)
        except ApiError as exc:
            if exc.status not in (400, 409, 422):
                raise
            known = service.REFUSALS.get(exc.slug)
            form.errors["form"] = known or exc.detail or exc.title
        else:
            return RedirectResponse(f"/console/campaigns/{created.id}", status_code=303)
    return await _form_page(request, render, session, api, language, form, status=422)


@router.get("/{campaign_id}", response_class=HTMLResponse)
async def campaign_page(
    campaign_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: Annotated[str | None, Query(max_length=16)] = None,
    refused: Annotated[str | None, Query(max_length=32)] = None,
) -> Response:
    """A campaign and every post it made, in planned order, each with its channels' previews."""
    frame = await _town_frame(api, language)
    zone = _town(frame).timezone
    found = await service.campaign(api, campaign_id)
    channels = {str(c.id): c for c in await console.channels(api)}
    posts = await service.planned(api, campaign_id)
    names = {str(p.id): console.product_name(p) for p in await console.products(api, language)}
    skipped = [
        (
            names.get(str(s.product_id), str(s.product_id)),
            service.SKIP_REASONS.get(s.reason, s.reason),
        )
        for s in found.skipped
    ]
    context = {
        **frame,
        "session": session,
        "campaign": found,
        "posts": posts,
        "channels": channels,
        "platform_names": PLATFORM_NAMES,
        "skipped": skipped,
        "drafts": sum(1 for p in posts if p.post.status in ("draft", "rejected")),
        "waiting": sum(1 for p in posts if p.post.status == "submitted"),
        "done": done,
        "refused": service.REFUSALS.get(refused or ""),
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    return render.page(request, "campaigns/campaign.html", context)


ACTIONS = {
    "submitted": service.submit,
    "approved": service.approve,
    "paused": service.pause,
    "resumed": service.resume,
    "cancelled": service.cancel,
}


async def _act(campaign_id: UUID, api: UserApi, done: str) -> Response:
    try:
        await ACTIONS[done](api, campaign_id)
    except ApiError as exc:
        if exc.status not in (403, 409, 422):
            raise
        key = service.refusal(exc)
        return RedirectResponse(f"/console/campaigns/{campaign_id}?refused={key}", status_code=303)
    return RedirectResponse(f"/console/campaigns/{campaign_id}?done={done}", status_code=303)


@router.post("/{campaign_id}/submit", dependencies=[CsrfChecked])
async def submit_campaign(campaign_id: UUID, api: UserApi) -> Response:
    """Submit the campaign and every draft it made for approval."""
    return await _act(campaign_id, api, "submitted")


@router.post("/{campaign_id}/approve", dependencies=[CsrfChecked])
async def approve_campaign(campaign_id: UUID, api: UserApi) -> Response:
    """Approve the campaign; its posts go out at their planned times."""
    return await _act(campaign_id, api, "approved")


@router.post("/{campaign_id}/pause", dependencies=[CsrfChecked])
async def pause_campaign(campaign_id: UUID, api: UserApi) -> Response:
    """Pause the campaign: its coming posts are taken back."""
    return await _act(campaign_id, api, "paused")


@router.post("/{campaign_id}/resume", dependencies=[CsrfChecked])
async def resume_campaign(campaign_id: UUID, api: UserApi) -> Response:
    """Resume a paused campaign: its coming posts are made again."""
    return await _act(campaign_id, api, "resumed")


@router.post("/{campaign_id}/cancel", dependencies=[CsrfChecked])
async def cancel_campaign(campaign_id: UUID, api: UserApi) -> Response:
    """End the campaign: its coming posts will not go out."""
    return await _act(campaign_id, api, "cancelled")
