"""Pages for signing in without a password yet: the password reset by a mailed code, and an
invitation's acceptance. Each form carries the session's CSRF token and works without JS."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.account import service
from web.console.service import sign_in
from web.dependencies import AnonymousApi, CsrfChecked, RendererDep, SessionDep
from web.gateway import ApiError

router = APIRouter(prefix="/console")

# What a visitor's mistake looks like from the gateway (the form is shown again, explained).
REFUSED = (400, 404, 409, 410, 422, 429, 503)
SHORTEST_PASSWORD = 8


def _refused(exc: ApiError) -> None:
    if exc.status not in REFUSED:
        raise exc


@router.get("/password-reset", response_class=HTMLResponse)
async def reset_form(request: Request, render: RendererDep, session: SessionDep) -> Response:
    """Ask for a reset code by email."""
    return render.page(request, "account/reset_request.html", {"session": session})


@router.post("/password-reset", dependencies=[CsrfChecked])
async def reset_request(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AnonymousApi,
    email: Annotated[str, Form(max_length=320)],
) -> Response:
    """Send the code; the next page says to check the mail, whether or not the email is known."""
    try:
        await service.request_reset(api, email.strip())
    except ApiError as exc:
        _refused(exc)
        context = {"session": session, "email": email, "error": exc}
        return render.page(request, "account/reset_request.html", context, status=exc.status)
    return RedirectResponse("/console/password-reset/sent", status_code=303)


@router.get("/password-reset/sent", response_class=HTMLResponse)
async def reset_sent(request: Request, render: RendererDep, session: SessionDep) -> Response:
    """Check your mail."""
    return render.page(request, "account/reset_sent.html", {"session": session})


@router.get("/password-reset/confirm", response_class=HTMLResponse)
async def reset_confirm_form(
    request: Request, render: RendererDep, session: SessionDep, code: str = ""
) -> Response:
    """The mailed code and a new password."""
    context = {"session": session, "code": code[:256]}
    return render.page(request, "account/reset_confirm.html", context)


@router.post("/password-reset/confirm", dependencies=[CsrfChecked])
async def reset_confirm(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AnonymousApi,
    code: Annotated[str, Form(max_length=256)],
    new_password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Set the new password; then sign in with it."""
    context: dict[str, object] = {"session": session, "code": code}
    if len(new_password) < SHORTEST_PASSWORD:
        context["short"] = True
        return render.page(request, "account/reset_confirm.html", context, status=422)
    try:
        await service.confirm_reset(api, code.strip(), new_password)
    except ApiError as exc:
        _refused(exc)
        context["error"] = exc
        return render.page(request, "account/reset_confirm.html", context, status=exc.status)
    session.sign_out()  # the gateway ended every session of the account
    return RedirectResponse("/console/login?reset=1", status_code=303)


@router.get("/invitation", response_class=HTMLResponse)
async def invitation_form(
    request: Request, render: RendererDep, session: SessionDep, code: str = ""
) -> Response:
    """An invitation's page: the code from the mail and a password to choose."""
    context = {"session": session, "code": code[:256]}
    return render.page(request, "account/invitation.html", context)


@router.post("/invitation", dependencies=[CsrfChecked])
async def accept_invitation(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AnonymousApi,
    code: Annotated[str, Form(max_length=256)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Accept the invitation with the chosen password, then sign in as the new user."""
    context: dict[str, object] = {"session": session, "code": code}
    if len(password) < SHORTEST_PASSWORD:
        context["short"] = True
        return render.page(request, "account/invitation.html", context, status=422)
    try:
        user = await service.accept_invitation(api, code.strip(), password)
        tokens = await sign_in(api, user.email, password)
    except ApiError as exc:
        _refused(exc)
        context["error"] = exc
        return render.page(request, "account/invitation.html", context, status=exc.status)
    session.sign_in(tokens.access_token, tokens.refresh_token, tokens.expires_in, user.email)
    return RedirectResponse("/console/", status_code=303)
