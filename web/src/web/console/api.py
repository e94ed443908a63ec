"""The staff console: sign in and out, the dashboard, products. Thin routes: each reads the
form, calls `console.service` (the typed client) and renders a template; every form carries
the session's CSRF token and works without JavaScript."""

from __future__ import annotations

import asyncio
from typing import Annotated
from urllib.parse import urlsplit
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client.models import ProductRead
from machi_client.types import Unset
from web import i18n
from web.composer.schemas import PostForm
from web.console import navigation, service
from web.console.schemas import (
    UNITS,
    ProductForm,
    VariantForm,
    major_units,
    text_field,
)
from web.dependencies import (
    AnonymousApi,
    CsrfChecked,
    LanguageDep,
    RendererDep,
    SessionDep,
    UserApi,
    api_as,
)
from web.forms import Refused, submit
from web.gateway import ApiError
from web.i18n import N_

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
    request: Request,
    render: RendererDep,
    session: SessionDep,
    next: str | None = None,
    reset: bool = False,
) -> Response:
    """The sign-in form (after a password reset, with a word that it worked)."""
    if session.signed_in:
        return RedirectResponse(_safe_next(next), status_code=303)
    context = {"next": _safe_next(next), "session": session, "reset": reset}
    return render.page(request, "console/login.html", context)


@router.post("/login", dependencies=[CsrfChecked])
async def login(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AnonymousApi,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form()] = "/console/",
    totp_code: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Sign in through the gateway's login API; the tokens go into the sealed cookie."""
    try:
        tokens = await service.sign_in(api, email, password, totp_code.replace(" ", ""))
    except ApiError as exc:
        if exc.status not in (401, 422, 429, 503):
            raise
        context = {
            "next": _safe_next(next),
            "session": session,
            "email": email,
            "error": exc,
            "needs_code": exc.slug in ("mfa-required", "invalid-mfa-code"),
        }
        return render.page(request, "console/login.html", context, status=exc.status)
    session.sign_in(tokens.access_token, tokens.refresh_token, tokens.expires_in, email)
    response = RedirectResponse(_safe_next(next), status_code=303)
    # The language saved in the account comes before the browser's from now on; the switch
    # on a page still changes it for this browser.
    chosen = service.saved_language(await service.me(api_as(request, tokens.access_token)))
    if chosen is not None:
        i18n.remember(response, chosen)
    return response


@router.post("/logout", dependencies=[CsrfChecked])
async def logout(session: SessionDep) -> Response:
    """Forget the tokens."""
    session.sign_out()
    return RedirectResponse("/console/login", status_code=303)


async def _frame(api: UserApi, language: str) -> dict[str, object]:
    """What every signed-in page shows around its content: who, which town, and the menu's
    counters (the inbox's open conversations: one call, made alongside the town's)."""
    who = await service.me(api)
    town, counters = await asyncio.gather(
        service.town(api, who, language), navigation.counters(api, who)
    )
    return {"me": who, "town": town, "counters": counters}


@router.get("/", response_class=HTMLResponse)
async def dashboard(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The dashboard: the town, its latest products and channels needing attention."""
    frame = await _frame(api, language)
    products = await service.products(api, language) if frame["town"] else []
    reauth = await service.channels_needing_reauth(api) if frame["town"] else []
    notices = await service.notices(api) if frame["town"] else service.Notices(0, [])
    waiting = await service.posts(api, "submitted") if frame["town"] else []
    scheduled = await service.posts(api, "scheduled") if frame["town"] else []
    town = frame["town"]
    figures = (
        await service.month_figures(api, town.currency, language)
        if isinstance(town, service.Town)
        else []
    )
    context = {
        "figures": figures,
        **frame,
        "session": session,
        "waiting": waiting,
        "scheduled": scheduled,
        "products": products[:5],
        "product_count": len(products),
        "reauth": reauth,
        "notices": notices,
        "when": i18n.when,
        "name_of": service.product_name,
        "price": i18n.price,
    }
    return render.page(request, "console/dashboard.html", context)


@router.post("/notifications/{notice_id}/read", dependencies=[CsrfChecked])
async def read_notice(notice_id: UUID, api: UserApi) -> Response:
    """Mark one notice read, back to the dashboard."""
    await service.read_notice(api, notice_id)
    return RedirectResponse("/console/", status_code=303)


@router.post("/notifications/read-all", dependencies=[CsrfChecked])
async def read_all_notices(api: UserApi) -> Response:
    """Mark every notice read, back to the dashboard."""
    await service.read_notice(api, None)
    return RedirectResponse("/console/", status_code=303)


@router.get("/products", response_class=HTMLResponse)
async def products_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    q: str | None = None,
    producer: UUID | None = None,
) -> Response:
    """The town's products (a producer user: their own), searchable, or one producer's."""
    frame = await _frame(api, language)
    context = {
        **frame,
        "session": session,
        "products": await service.products(api, language, q, producer),
        "q": q or "",
        "name_of": service.product_name,
        "price": i18n.price,
    }
    return render.page(request, "console/products.html", context)


async def _town_frame(api: UserApi, language: str) -> dict[str, object]:
    """The frame of a page about the town's catalog or posts: the operator has no town."""
    frame = await _frame(api, language)
    if frame["town"] is None:
        raise ApiError(403, "This page is for a town's staff")
    return frame


async def _product_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    form: ProductForm,
    product: ProductRead | None,
    status: int = 200,
    variant: VariantForm | None = None,
    variant_id: str = "",
) -> Response:
    """The product form; an edited product's variants below, each a small form (`variant`:
    the one refused, shown with its messages: `variant_id`'s, or the new one's)."""
    context = {
        **(await _town_frame(api, language)),
        "session": session,
        "form": form,
        "product": product,
        "variants": await service.variants(api, product) if product else [],
        "variant": variant,
        "variant_id": variant_id,
        "units": UNITS,
        "major_units": major_units,
        "months": i18n.months(language),
        "producers": await service.producers(api, language),
        "categories": await service.categories(api, language),
        "languages": i18n.LANGUAGES,
        "photo": service.photo_url(product, "thumbnail") if product else None,
    }
    return render.page(request, "console/product_form.html", context, status=status)


def _town(frame: dict[str, object]) -> service.Town:
    town = frame["town"]
    assert isinstance(town, service.Town)
    return town


@router.get("/products/new", response_class=HTMLResponse)
async def new_product(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The form for a new product."""
    return await _product_page(request, render, session, api, language, ProductForm(), None)


@router.post("/products", dependencies=[CsrfChecked])
async def create_product(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Create the product (and upload its photo) through the API."""
    town = _town(await _town_frame(api, language))
    form = ProductForm.read(await request.form(), creating=True, currency=town.currency)
    created = await submit(form.errors, lambda: service.create_product(api, form, town.currency))
    if not isinstance(created, Refused):
        return RedirectResponse(f"/console/products/{created.id}?saved=1", status_code=303)
    return await _product_page(request, render, session, api, language, form, None, status=422)


@router.get("/products/{product_id}", response_class=HTMLResponse)
async def edit_product(
    product_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A product's form, filled in."""
    found, version = await service.product_version(api, product_id)
    form = _filled(found, version)
    return await _product_page(request, render, session, api, language, form, found)


def _filled(found: ProductRead, version: str) -> ProductForm:
    """The product form as the API has the product."""
    seasons = found.season_months if not isinstance(found.season_months, Unset) else []
    return ProductForm(
        producer_id=str(found.producer_id),
        slug=found.slug,
        names=dict(found.name.additional_properties),
        descriptions=dict(found.description.additional_properties),
        price=major_units(found.price_amount, found.currency),
        category_id=str(found.category_id) if isinstance(found.category_id, UUID) else "",
        publish=found.status == "published",
        season_months=list(seasons),
        version=version,
    )


async def _variant_refused(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    product_id: UUID,
    form: VariantForm,
    variant_id: str = "",
) -> Response:
    found, version = await service.product_version(api, product_id)
    return await _product_page(
        request,
        render,
        session,
        api,
        language,
        _filled(found, version),
        found,
        status=422,
        variant=form,
        variant_id=variant_id,
    )


@router.post("/products/{product_id}/variants", dependencies=[CsrfChecked])
async def add_variant(
    product_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Add a variant (a size or pack) with its price and stock."""
    found = await service.product(api, product_id)
    form = VariantForm.read(await request.form(), creating=True, currency=found.currency)
    added = await submit(
        form.errors, lambda: service.add_variant(api, product_id, form, found.currency)
    )
    if not isinstance(added, Refused):
        return RedirectResponse(f"/console/products/{product_id}?saved=1#variants", 303)
    return await _variant_refused(request, render, session, api, language, product_id, form)


@router.post("/products/{product_id}/variants/{variant_id}", dependencies=[CsrfChecked])
async def update_variant(
    product_id: UUID,
    variant_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Save a variant's price and stock, unless someone changed it since the form was filled."""
    found = await service.product(api, product_id)
    form = VariantForm.read(await request.form(), creating=False, currency=found.currency)
    saved = await submit(
        form.errors,
        lambda: service.update_variant(api, product_id, variant_id, form, found.currency),
        stale=N_("Someone changed this variant meanwhile: reload the page to see their change."),
    )
    if not isinstance(saved, Refused):
        return RedirectResponse(f"/console/products/{product_id}?saved=1#variants", 303)
    return await _variant_refused(
        request, render, session, api, language, product_id, form, str(variant_id)
    )


@router.post("/products/{product_id}", dependencies=[CsrfChecked])
async def update_product(
    product_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Save the product's changes (and a new photo)."""
    found = await service.product(api, product_id)
    form = ProductForm.read(await request.form(), creating=False, currency=found.currency)
    form.slug, form.producer_id = found.slug, str(found.producer_id)
    saved = await submit(
        form.errors,
        lambda: service.update_product(api, found, form, found.currency),
        stale=N_("Someone changed this product meanwhile: reload it to see their change."),
    )
    if not isinstance(saved, Refused):
        return RedirectResponse(f"/console/products/{product_id}?saved=1", status_code=303)
    return await _product_page(request, render, session, api, language, form, found, status=422)


@router.get("/posts/{post_id}", response_class=HTMLResponse)
async def show_post(
    post_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A post: its text, status and when it goes out."""
    frame = await _town_frame(api, language)
    found = await service.post(api, post_id)
    zone = _town(frame).timezone
    context = {
        **frame,
        "session": session,
        "post": found,
        "deliveries": await service.deliveries(api, post_id),
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    return render.page(request, "console/post.html", context)


@router.get("/approvals", response_class=HTMLResponse)
async def approvals(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str | None = None,
) -> Response:
    """Posts waiting for an editor, oldest first, each with where and when it would go out, its
    photo, and approve and reject forms."""
    frame = await _town_frame(api, language)
    waiting = sorted(await service.posts(api, "submitted"), key=lambda p: p.created_at)
    zone = _town(frame).timezone
    known = await service.all_channels(api)
    context = {
        **frame,
        "session": session,
        "reviews": [service.Review.of(post, known) for post in waiting],
        "done": done,
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    return render.page(request, "console/approvals.html", context)


async def _review(
    request: Request, render: RendererDep, session: SessionDep, exc: ApiError
) -> Response:
    """A refused review in plain words (own post, not an editor, already reviewed)."""
    context = {"session": session, "status": exc.status, "error": exc, "town": None}
    return render.page(request, "error.html", context, status=exc.status)


@router.post("/posts/{post_id}/approve", dependencies=[CsrfChecked])
async def approve_post(
    post_id: UUID, request: Request, render: RendererDep, session: SessionDep, api: UserApi
) -> Response:
    """Approve the post; it goes out as scheduled."""
    try:
        await service.approve(api, post_id)
    except ApiError as exc:
        if exc.status not in (403, 409, 422):
            raise
        return await _review(request, render, session, exc)
    return RedirectResponse("/console/approvals?done=approved", status_code=303)


@router.post("/posts/{post_id}/reject", dependencies=[CsrfChecked])
async def reject_post(
    post_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    comment: Annotated[str, Form(min_length=1, max_length=2000)],
) -> Response:
    """Send the post back with a comment."""
    try:
        await service.reject(api, post_id, comment)
    except ApiError as exc:
        if exc.status not in (403, 409, 422):
            raise
        return await _review(request, render, session, exc)
    return RedirectResponse("/console/approvals?done=rejected", status_code=303)


@router.post("/posts/{post_id}/schedule", dependencies=[CsrfChecked])
async def schedule_post(
    post_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Schedule an approved post (or move a scheduled one) at the chosen time."""
    town = _town(await _town_frame(api, language))
    form = PostForm(at=text_field(await request.form(), "at"))
    moment = form.moment(town.timezone)
    if moment is None:
        return RedirectResponse(f"/console/posts/{post_id}?error=at", status_code=303)
    try:
        await service.schedule(api, post_id, moment, town.timezone)
    except ApiError as exc:
        if exc.status not in (403, 409, 422):
            raise
        return await _review(request, render, session, exc)
    return RedirectResponse(f"/console/posts/{post_id}", status_code=303)
