"""The channels pages: the town's channels and their state, each user's own accounts ("my
channels"), connecting one by OAuth, and a channel's delivery history with a retry where the API
allows one.

The console owns the OAuth flow: it starts it with the user's token, the platform sends the
browser back to `/console/channels/oauth/{platform}/callback` (PUBLISHER_OAUTH_REDIRECT_BASE),
and the console completes it through the API with the same user's token. An admin connects the
town's and shops' accounts; anyone who posts connects their own (the API enforces both)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client.models import MeRead
from web import i18n
from web.channels import service
from web.console.api import _town, _town_frame
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.i18n import N_

router = APIRouter(prefix="/console/channels")
OWNER_KINDS = ("town", "shop", "staff")
MINE = "/console/channels/mine"
# What the connect and callback routes show as a refusal rather than an error page.
SHOWN = (400, 403, 404, 409, 422, 502, 503)


def _me(frame: dict[str, object]) -> MeRead:
    who = frame["me"]
    assert isinstance(who, MeRead)
    return who


def _is_admin(who: MeRead) -> bool:
    return "admin" in who.roles


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
    """The town's channels: its own and shops' accounts, then staff members' own accounts."""
    frame = await _town_frame(api, language)
    shown = await service.channels(api)
    context = {
        **frame,
        "session": session,
        "channels": [s for s in shown if s.channel.owner_kind != "staff"],
        "staff_channels": [s for s in shown if s.channel.owner_kind == "staff"],
        "platforms": service.PLATFORMS,
        "is_admin": _is_admin(_me(frame)),
        "connected": request.query_params.get("connected"),
        "error": error,
        "error_words": service.problem_words(error) if error else "",
        "choices": choices,
    }
    return render.page(request, "console/channels.html", context, status=status)


async def _mine(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    *,
    error: ApiError | None = None,
    status: int = 200,
) -> Response:
    """The user's own accounts and the form to connect one."""
    frame = await _town_frame(api, language)
    context = {
        **frame,
        "session": session,
        "channels": await service.channels(api, owner_user=_me(frame).sub),
        "platforms": service.OWN_PLATFORMS,
        "connected": request.query_params.get("connected"),
        "error": error,
        "error_words": service.problem_words(error) if error else "",
    }
    return render.page(request, "console/my_channels.html", context, status=status)


async def _refused(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    error: ApiError,
    *,
    own: bool,
) -> Response:
    """A refused connection, shown on the page it was started from."""
    show = _mine if own else _page
    return await show(request, render, session, api, language, error=error, status=error.status)


@router.get("", response_class=HTMLResponse)
async def channels_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The town's channels with their status, and (for an admin) the connect form."""
    return await _page(request, render, session, api, language)


@router.get("/mine", response_class=HTMLResponse)
async def my_channels(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The user's own accounts, and connecting another one."""
    return await _mine(request, render, session, api, language)


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
    own = owner_kind == "staff"
    if platform not in service.PLATFORMS or owner_kind not in OWNER_KINDS:
        error = ApiError(422, N_("Choose a platform"))
        return await _refused(request, render, session, api, language, error, own=own)
    if platform == "mastodon" and not instance_url.strip():
        error = ApiError(422, N_("Enter the address of your Mastodon server"))
        return await _refused(request, render, session, api, language, error, own=own)
    owner_user = _me(await _town_frame(api, language)).sub if own else None
    try:
        url = await service.start(
            api, platform, owner_kind, instance_url.strip() or None, owner_user
        )
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        return await _refused(request, render, session, api, language, exc, own=own)
    # A page that moves on by itself rather than a redirect: the console's CSP (form-action
    # 'self') stops a form's answer from redirecting the browser to another site.
    context = {"url": url, "platform": service.PLATFORMS[platform]}
    return render.page(request, "console/leaving.html", context)


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
    own = not _is_admin(_me(await _town_frame(api, language)))
    if platform not in service.PLATFORMS or error or not code or not state:
        refused = ApiError(400, N_("The platform did not grant access"), error[:200])
        return await _refused(request, render, session, api, language, refused, own=own)
    try:
        result = await service.finish(api, platform, code[:2000], state[:200])
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        return await _refused(request, render, session, api, language, exc, own=own)
    if result.stage == "select":
        offer = {
            "platform": platform,
            "connection_id": result.connection_id,
            "items": result.choices,
        }
        return await _page(request, render, session, api, language, choices=offer)
    back = MINE if service.all_staff(result) else "/console/channels"
    return RedirectResponse(f"{back}?connected={service.count(result)}", status_code=303)


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


async def _history(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    channel_id: UUID,
    *,
    error: ApiError | None = None,
    status: int = 200,
) -> Response:
    frame = await _town_frame(api, language)
    found = await service.channel(api, channel_id)
    zone = _town(frame).timezone
    context: dict[str, Any] = {
        **frame,
        "session": session,
        "channel": found,
        "platforms": service.PLATFORMS,
        "status_words": service.STATUSES.get(found.status, found.status),
        "deliveries": await service.history(api, channel_id),
        "may_retry": service.may_post(_me(frame), found),
        "retried": request.query_params.get("retried"),
        "slots_added": request.query_params.get("slots"),
        "suggestions": await service.slot_suggestions(api, channel_id),
        "may_add_slots": bool(set(_me(frame).roles) & service.SLOT_KEEPERS),
        "days": i18n.day_names(language),
        "error": error,
        "error_words": service.problem_words(error) if error else "",
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    return render.page(request, "console/channel.html", context, status=status)


@router.get("/{channel_id}", response_class=HTMLResponse)
async def channel_page(
    channel_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A channel and its latest deliveries: state, why one failed, and a retry where allowed."""
    return await _history(request, render, session, api, language, channel_id)


@router.post("/{channel_id}/deliveries/{delivery_id}/retry", dependencies=[CsrfChecked])
async def retry_delivery(
    channel_id: UUID,
    delivery_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Send a delivery that failed before the publish call again (the API refuses others)."""
    try:
        await service.retry(api, delivery_id)
    except ApiError as exc:
        if exc.status not in (403, 404, 409):
            raise
        return await _history(
            request, render, session, api, language, channel_id, error=exc, status=exc.status
        )
    return RedirectResponse(f"/console/channels/{channel_id}?retried=1", status_code=303)


@router.post("/{channel_id}/slot-suggestions/accept", dependencies=[CsrfChecked])
async def accept_slot_suggestions(
    channel_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Add the best times to post as the channel's weekly slots, in one call."""
    try:
        added = await service.accept_slot_suggestions(api, channel_id)
    except ApiError as exc:
        if exc.status not in (403, 502, 503, 504):
            raise
        return await _history(
            request, render, session, api, language, channel_id, error=exc, status=exc.status
        )
    return RedirectResponse(f"/console/channels/{channel_id}?slots={added}", status_code=303)
