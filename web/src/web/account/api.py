"""The account's pages: the password reset by a mailed code, an invitation's acceptance, and
the signed-in user's own page (password, second factor, logging out everywhere). Each form
carries the session's CSRF token and works without JavaScript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import i18n
from web.account import service
from web.console import navigation
from web.console import service as console
from web.console.service import sign_in
from web.dependencies import (
    AnonymousApi,
    CsrfChecked,
    LanguageDep,
    RendererDep,
    SessionDep,
    UserApi,
)
from web.gateway import ApiError

router = APIRouter(prefix="/console")

# What a visitor's mistake looks like from the gateway (the form is shown again, explained).
REFUSED = (400, 404, 409, 410, 422, 429, 503)
SHORTEST_PASSWORD = 8


# Pages with a secret on them (a TOTP secret, recovery codes): kept by no cache or history.
SECRET_HEADERS = {"Cache-Control": "no-store"}
DONE = ("password", "totp-on", "totp-off", "language")


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


async def _account_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    name: str = "account/account.html",
    status: int = 200,
    **extra: object,
) -> Response:
    who = await console.me(api)
    context = {
        "me": who,
        "counters": await navigation.counters(api, who),
        "saved_language": console.saved_language(who),
        "town": await console.town(api, who, language),
        "session": session,
        **extra,
    }
    response = render.page(request, name, context, status=status)
    response.headers.update(SECRET_HEADERS)
    return response


@router.get("/account", response_class=HTMLResponse)
async def account(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str = "",
) -> Response:
    """Your account: password, two-step sign-in, logging out everywhere."""
    shown = done if done in DONE else ""
    return await _account_page(request, render, session, api, language, done=shown)


@router.post("/account/language", dependencies=[CsrfChecked])
async def save_language(
    api: UserApi, language: Annotated[str, Form(max_length=8)] = ""
) -> Response:
    """Keep the console's language in the account, and use it in this browser at once."""
    chosen = language if language in i18n.LANGUAGES else None
    await service.save_language(api, chosen)
    response = RedirectResponse("/console/account?done=language", status_code=303)
    i18n.remember(response, chosen)
    return response


@router.post("/account/password", dependencies=[CsrfChecked])
async def change_password(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    anonymous: AnonymousApi,
    current_password: Annotated[str, Form(max_length=1024)],
    new_password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Change the password; the gateway ends every login, so this one signs in again with it."""
    if len(new_password) < SHORTEST_PASSWORD:
        return await _account_page(
            request, render, session, api, language, status=422, short=True, section="password"
        )
    try:
        await service.change_password(api, current_password, new_password)
    except ApiError as exc:
        _refused(exc)
        return await _account_page(
            request,
            render,
            session,
            api,
            language,
            status=exc.status,
            error=exc,
            section="password",
        )
    email = session.email or ""
    try:
        tokens = await sign_in(anonymous, email, new_password)
    except ApiError:  # e.g. the second factor's code is needed: sign in by hand
        session.sign_out()
        return RedirectResponse("/console/login?reset=1", status_code=303)
    session.sign_in(tokens.access_token, tokens.refresh_token, tokens.expires_in, email)
    return RedirectResponse("/console/account?done=password", status_code=303)


@router.post("/account/totp", dependencies=[CsrfChecked])
async def enrol_totp(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """A new secret for an authenticator app: as a QR code, a URI and the secret itself."""
    try:
        enrolment = await service.enrol_totp(api)
    except ApiError as exc:
        _refused(exc)
        return await _account_page(
            request, render, session, api, language, status=exc.status, error=exc, section="totp"
        )
    return await _account_page(
        request,
        render,
        session,
        api,
        language,
        name="account/totp.html",
        enrolment=enrolment,
        qr=service.qr_svg(enrolment.otpauth_uri),
    )


@router.post("/account/totp/confirm", dependencies=[CsrfChecked])
async def confirm_totp(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    code: Annotated[str, Form(max_length=64)],
) -> Response:
    """Turn two-step sign-in on with a code from the app; the recovery codes are shown once."""
    try:
        codes = await service.confirm_totp(api, code.replace(" ", ""))
    except ApiError as exc:
        _refused(exc)
        return await _account_page(
            request, render, session, api, language, status=exc.status, error=exc, section="totp"
        )
    return await _account_page(
        request, render, session, api, language, name="account/recovery.html", codes=codes
    )


@router.post("/account/totp/disable", dependencies=[CsrfChecked])
async def disable_totp(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    code: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    """Turn two-step sign-in off, with a current code or the password."""
    try:
        await service.disable_totp(api, code.replace(" ", ""), password)
    except ApiError as exc:
        _refused(exc)
        return await _account_page(
            request, render, session, api, language, status=exc.status, error=exc, section="off"
        )
    return RedirectResponse("/console/account?done=totp-off", status_code=303)


@router.post("/account/logout-all", dependencies=[CsrfChecked])
async def log_out_everywhere(session: SessionDep, api: UserApi) -> Response:
    """End every login of the account, this browser's too."""
    await service.log_out_everywhere(api)
    session.sign_out()
    return RedirectResponse("/console/login", status_code=303)
