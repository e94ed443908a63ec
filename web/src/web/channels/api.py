"""The channels page: the town's channels and their state, and connecting one by OAuth. The
console owns the flow: it starts it with the user's token, the platform sends the browser back
to `/console/channels/oauth/{platform}/callback` (PUBLISHER_OAUTH_REDIRECT_BASE), and the console
completes it through the API with the same user's token."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.channels import service
from web.console.api import _town_frame
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.i18n import N_

router = APIRouter(prefix="/console/channels")
OWNER_KINDS = ("town", "shop")


async def _page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    *,
    error: ApiError | None = None,
    choices: object = None,
    status: int = 200,
) -> Response:
    context = {
        **(await _town_frame(api, language)),
        "session": session,
        "channels": await service.channels(api),
        "platforms": service.PLATFORMS,
        "connected": request.query_params.get("connected"),
        "error": error,
        "choices": choices,
    }
    return render.page(request, "console/channels.html", context, status=status)


@router.get("", response_class=HTMLResponse)
async def channels_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The town's channels with their status, and the connect form."""
    return await _page(request, render, session, api, language)


@router.post("/connect", dependencies=[CsrfChecked])
async def connect(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    platform: Annotated[str, Form(max_length=40)],
    owner_kind: Annotated[str, Form(max_length=20)] = "town",
    instance_url: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Start connecting (or reconnecting) an account: off to the platform's consent page."""
    if platform not in service.PLATFORMS or owner_kind not in OWNER_KINDS:
        error = ApiError(422, N_("Choose a platform"))
        return await _page(request, render, session, api, language, error=error, status=422)
    try:
        url = await service.start(api, platform, owner_kind, instance_url.strip() or None)
    except ApiError as exc:
        if exc.status not in (400, 403, 409, 422, 502, 503):
            raise
        return await _page(request, render, session, api, language, error=exc, status=exc.status)
    return RedirectResponse(url, status_code=303)


@router.get("/oauth/{platform}/callback", response_class=HTMLResponse)
async def callback(
    platform: str,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    code: str = "",
    state: str = "",
    error: str = "",
) -> Response:
    """Where the platform sends the browser back: the console completes the grant."""
    if platform not in service.PLATFORMS or error or not code or not state:
        refused = ApiError(400, N_("The platform did not grant access"), error[:200])
        return await _page(request, render, session, api, language, error=refused, status=400)
    try:
        result = await service.finish(api, platform, code[:2000], state[:200])
    except ApiError as exc:
        if exc.status not in (400, 403, 404, 409, 422, 502, 503):
            raise
        return await _page(request, render, session, api, language, error=exc, status=exc.status)
    if result.stage == "select":
        offer = {
            "platform": platform,
            "connection_id": result.connection_id,
            "items": result.choices,
        }
        return await _page(request, render, session, api, language, choices=offer)
    return RedirectResponse(f"/console/channels?connected={service.count(result)}", status_code=303)


@router.post("/oauth/{platform}/select", dependencies=[CsrfChecked])
async def select(
    platform: str,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    connection_id: Annotated[UUID, Form()],
) -> Response:
    """Make channels of the Pages chosen."""
    ids = [v for v in (await request.form()).getlist("ids") if isinstance(v, str) and v]
    if platform not in service.PLATFORMS or not ids:
        error = ApiError(422, N_("Choose at least one page"))
        return await _page(request, render, session, api, language, error=error, status=422)
    try:
        result = await service.select(api, platform, connection_id, ids[:100])
    except ApiError as exc:
        if exc.status not in (400, 403, 404, 409, 422):
            raise
        return await _page(request, render, session, api, language, error=exc, status=exc.status)
    return RedirectResponse(f"/console/channels?connected={service.count(result)}", status_code=303)
