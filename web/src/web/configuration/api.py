"""The town's settings page (town admins): store webhook secrets, click tracking and the
second-factor rule. A secret typed here goes to the API and is never shown again; the page only
says whether one is set."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client import AuthenticatedClient
from web.configuration import service
from web.console import navigation
from web.console import service as console
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError

router = APIRouter(prefix="/console/settings")
DONE = ("webhook", "tracking", "security")
SHOWN = (400, 403, 409, 422)


async def _page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AuthenticatedClient,
    language: str,
    *,
    done: str = "",
    failed: str = "",
    error: ApiError | None = None,
    status: int = 200,
) -> Response:
    who = await console.me(api)
    town = await console.town(api, who, language)
    context = {
        "me": who,
        "counters": await navigation.counters(api, who),
        "town": town,
        "session": session,
        "secrets": await service.webhook_secrets(api),
        "stores": service.WEBHOOK_STORES,
        "tracking": await service.tracking(api),
        "security": await service.security(api),
        "done": done if done in DONE else "",
        "failed": failed,
        "error": error,
    }
    response = render.page(request, "admin/settings.html", context, status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("", response_class=HTMLResponse)
async def settings_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str = "",
) -> Response:
    """Webhook secrets (set or not), tracking switches and the second-factor rule."""
    return await _page(request, render, session, api, language, done=done)


@router.post("/webhooks/{store}", dependencies=[CsrfChecked])
async def set_webhook_secret(
    store: str,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    secret: Annotated[str, Form(max_length=512)],
) -> Response:
    """Save a store's webhook secret (it is not shown again, not even on a mistake)."""
    try:
        await service.set_webhook_secret(api, store, secret.strip())
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        args = (request, render, session, api, language)
        return await _page(*args, failed=f"webhook-{store}", error=exc, status=exc.status)
    return RedirectResponse("/console/settings?done=webhook#webhooks", status_code=303)


@router.post("/tracking", dependencies=[CsrfChecked])
async def save_tracking(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    attribution_window_days: Annotated[str, Form(max_length=4)],
    allowed_store_domains: Annotated[str, Form(max_length=5000)] = "",
    tracking_enabled: Annotated[bool, Form()] = False,
    track_referrer: Annotated[bool, Form()] = False,
    track_user_agent: Annotated[bool, Form()] = False,
) -> Response:
    """Save the tracking switches (an unticked box is sent as nothing: off)."""
    form = service.TrackingForm(
        tracking_enabled,
        track_referrer,
        track_user_agent,
        attribution_window_days.strip(),
        allowed_store_domains,
    )
    try:
        await service.save_tracking(api, form)
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        args = (request, render, session, api, language)
        return await _page(*args, failed="tracking", error=exc, status=exc.status)
    return RedirectResponse("/console/settings?done=tracking#tracking", status_code=303)


@router.post("/security", dependencies=[CsrfChecked])
async def save_security(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    mfa_required: Annotated[bool, Form()] = False,
) -> Response:
    """Require a second factor of admins and editors, or stop requiring it."""
    try:
        await service.require_second_factor(api, mfa_required)
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        args = (request, render, session, api, language)
        return await _page(*args, failed="security", error=exc, status=exc.status)
    return RedirectResponse("/console/settings?done=security#security", status_code=303)
