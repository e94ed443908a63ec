"""The staff console: sign in and out, the dashboard, products. Thin routes: each reads the
form, calls `console.service` (the typed client) and renders a template; every form carries
the session's CSRF token and works without JavaScript."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import i18n
from web.console import service
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


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a console path of this site, never another origin."""
    if not target:
        return "/console/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/console"):
        return "/console/"
    return target


@router.get("", include_in_schema=False)
async def console_root() -> Response:
    return RedirectResponse("/console/", status_code=308)


@router.get("/login", response_class=HTMLResponse)
async def login_form(
    request: Request, render: RendererDep, session: SessionDep, next: str | None = None
) -> Response:
    """The sign-in form."""
    if session.signed_in:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render.page(
        request, "console/login.html", {"next": _safe_next(next), "session": session}
    )


@router.post("/login", dependencies=[CsrfChecked])
async def login(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AnonymousApi,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form()] = "/console/",
) -> Response:
    """Sign in through the gateway's login API; the tokens go into the sealed cookie."""
    try:
        tokens = await service.sign_in(api, email, password)
    except ApiError as exc:
        if exc.status not in (401, 422, 429, 503):
            raise
        context = {"next": _safe_next(next), "session": session, "email": email, "error": exc}
        return render.page(request, "console/login.html", context, status=exc.status)
    session.sign_in(tokens.access_token, tokens.refresh_token, tokens.expires_in, email)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", dependencies=[CsrfChecked])
async def logout(session: SessionDep) -> Response:
    """Forget the tokens."""
    session.sign_out()
    return RedirectResponse("/console/login", status_code=303)


async def _frame(api: UserApi, language: str) -> dict[str, object]:
    """What every signed-in page shows around its content: who and which town."""
    who = await service.me(api)
    return {"me": who, "town": await service.town(api, who, language)}


@router.get("/", response_class=HTMLResponse)
async def dashboard(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The dashboard: the town, its latest products and channels needing attention."""
    frame = await _frame(api, language)
    products = await service.products(api, language) if frame["town"] else []
    reauth = await service.channels_needing_reauth(api) if frame["town"] else []
    context = {
        **frame,
        "session": session,
        "products": products[:5],
        "product_count": len(products),
        "reauth": reauth,
        "name_of": service.product_name,
        "price": i18n.price,
    }
    return render.page(request, "console/dashboard.html", context)


@router.get("/products", response_class=HTMLResponse)
async def products_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    q: str | None = None,
) -> Response:
    """The town's products, searchable."""
    frame = await _frame(api, language)
    context = {
        **frame,
        "session": session,
        "products": await service.products(api, language, q),
        "q": q or "",
        "name_of": service.product_name,
        "price": i18n.price,
    }
    return render.page(request, "console/products.html", context)
