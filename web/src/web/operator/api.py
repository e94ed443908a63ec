"""The platform operator's pages: towns (create one from another town's playbook, change its
plan, suspend and reactivate it, invite its admin), plans, and each month's usage with CSV for
the invoices. Each calls the public API as the signed-in operator: anyone else gets the API's
403 in words."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client import AuthenticatedClient
from machi_client.models import InvitationCreated, TenantCreated
from web.console import service as console
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.i18n import N_
from web.operator import service

router = APIRouter(prefix="/console/operator")
REFUSED = (400, 404, 409, 422)  # shown on the form; anything else is the error page
TOWN_DONE = ("plan", "suspended", "reactivated")
# A playbook's sections, by the service that owns each, in the words of the console's menu.
SECTIONS = {"catalog": N_("Catalog"), "publisher": N_("Publishing"), "analytics": N_("Reports")}


def _csv(body: bytes, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


async def _towns_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AuthenticatedClient,
    language: str,
    form: service.NewTown | None = None,
    error: ApiError | None = None,
    status: int = 200,
) -> Response:
    towns = await service.towns(api)
    context = {
        "me": await console.me(api),
        "town": None,
        "session": session,
        "towns": towns,
        "plans": await service.plans(api),
        "name_of": lambda t: service.town_name(t, language),
        "form": form,
        "error": error,
    }
    return render.page(request, "operator/towns.html", context, status=status)


@router.get("/towns", response_class=HTMLResponse)
async def towns_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Every town with its plan and status, and the form that opens a new one."""
    return await _towns_page(request, render, session, api, language)


@router.post("/towns", dependencies=[CsrfChecked])
async def create_town(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    slug: Annotated[str, Form(max_length=63)],
    name_ja: Annotated[str, Form(max_length=200)] = "",
    name_ko: Annotated[str, Form(max_length=200)] = "",
    name_en: Annotated[str, Form(max_length=200)] = "",
    playbook_from: Annotated[str, Form(max_length=36)] = "",
    plan: Annotated[str, Form(max_length=32)] = "",
    timezone: Annotated[str, Form(max_length=64)] = "",
    population: Annotated[str, Form(max_length=12)] = "",
    admin_email: Annotated[str, Form(max_length=320)] = "",
) -> Response:
    """Open a town (from a playbook if one is chosen) and invite its admin; the new town's page
    shows what the playbook brought and the invitation's link, once."""
    names = {"ja": name_ja.strip(), "ko": name_ko.strip(), "en": name_en.strip()}
    form = service.NewTown(
        slug.strip().lower(),
        names,
        playbook_from.strip(),
        plan.strip(),
        timezone.strip(),
        population.strip(),
        admin_email.strip(),
    ).checked()
    if form.errors:
        args = (request, render, session, api, language)
        return await _towns_page(*args, form=form, status=422)
    try:
        created = await service.create_town(api, form)
    except ApiError as exc:
        if exc.status not in REFUSED:
            raise
        args = (request, render, session, api, language)
        return await _towns_page(*args, form=form, error=exc, status=exc.status)
    invited = None
    invite_error = None
    if form.admin_email:
        try:
            invited = await service.invite_admin(api, created.id, form.admin_email)
        except ApiError as exc:  # the town exists either way: say so and show the form again
            if exc.status not in (*REFUSED, 429):
                raise
            invite_error = exc
    return await _town_page(
        request,
        render,
        session,
        api,
        language,
        created.id,
        created=created,
        invited=invited,
        invite_error=invite_error,
    )


async def _town_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AuthenticatedClient,
    language: str,
    tenant_id: UUID,
    *,
    created: TenantCreated | None = None,
    invited: InvitationCreated | None = None,
    invite_error: ApiError | None = None,
    error: ApiError | None = None,
    done: str = "",
    status: int = 200,
) -> Response:
    tenant = await service.town(api, tenant_id)
    month = service.month_or_now("")
    link = f"{request.base_url}console/invitation?code={invited.token}" if invited else None
    context = {
        "me": await console.me(api),
        "town": None,
        "session": session,
        "tenant": tenant,
        "name": service.town_name(tenant, language),
        "plans": await service.plans(api),
        "users": await service.town_users(api, tenant_id),
        "usage": await service.town_usage(api, tenant_id, month),
        "metrics": service.METRICS,
        "month": month,
        "created": created,
        "applied": _applied(created),
        "invited": invited,
        "invitation_link": link,
        "invite_error": invite_error,
        "error": error,
        "done": done if done in TOWN_DONE else "",
    }
    response = render.page(request, "operator/town.html", context, status=status)
    response.headers["Cache-Control"] = "no-store"  # an invitation's code may be on it
    return response


def _applied(created: TenantCreated | None) -> dict[str, object] | None:
    """What the playbook brought: the sections applied, and those skipped with why."""
    if created is None or not created.playbook:
        return None
    outcome = created.playbook.to_dict()
    skipped = [
        {
            "section": SECTIONS.get(s.get("section", ""), s.get("section", "")),
            "reason": s.get("reason", ""),
        }
        for s in outcome.get("skipped", [])
    ]
    return {"applied": [SECTIONS.get(a, a) for a in outcome.get("applied", [])], "skipped": skipped}


@router.get("/towns/{tenant_id}", response_class=HTMLResponse)
async def town_page(
    tenant_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str = "",
) -> Response:
    """One town: its profile, plan, status, users and this month's usage."""
    return await _town_page(request, render, session, api, language, tenant_id, done=done)


@router.post("/towns/{tenant_id}/plan", dependencies=[CsrfChecked])
async def change_plan(
    tenant_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    plan: Annotated[str, Form(max_length=32)],
) -> Response:
    """Move the town to another plan; its services hear of the new quotas."""
    try:
        await service.change_plan(api, tenant_id, plan)
    except ApiError as exc:
        if exc.status not in (400, 409, 422):
            raise
        args = (request, render, session, api, language, tenant_id)
        return await _town_page(*args, error=exc, status=exc.status)
    return RedirectResponse(f"/console/operator/towns/{tenant_id}?done=plan", status_code=303)


@router.post("/towns/{tenant_id}/suspend", dependencies=[CsrfChecked])
async def suspend(tenant_id: UUID, api: UserApi) -> Response:
    """The town's users and keys stop working; its data is kept."""
    await service.suspend(api, tenant_id)
    return RedirectResponse(f"/console/operator/towns/{tenant_id}?done=suspended", status_code=303)


@router.post("/towns/{tenant_id}/reactivate", dependencies=[CsrfChecked])
async def reactivate(tenant_id: UUID, api: UserApi) -> Response:
    """The town works again."""
    await service.reactivate(api, tenant_id)
    return RedirectResponse(
        f"/console/operator/towns/{tenant_id}?done=reactivated", status_code=303
    )


@router.post("/towns/{tenant_id}/invite", dependencies=[CsrfChecked])
async def invite_admin(
    tenant_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    email: Annotated[str, Form(max_length=320)],
) -> Response:
    """Invite an admin into the town; the link is shown once, beside the mail."""
    args = (request, render, session, api, language, tenant_id)
    try:
        invited = await service.invite_admin(api, tenant_id, email.strip())
    except ApiError as exc:
        if exc.status not in (*REFUSED, 429):
            raise
        return await _town_page(*args, invite_error=exc, status=exc.status)
    return await _town_page(*args, invited=invited)


@router.get("/towns/{tenant_id}/usage.csv")
async def town_usage_csv(tenant_id: UUID, api: UserApi, month: str = "") -> Response:
    """One town's month as CSV."""
    chosen = service.month_or_now(month)
    tenant = await service.town(api, tenant_id)
    body = await service.usage_csv(api, chosen, tenant_id)
    return _csv(body, f"usage-{tenant.slug}-{chosen}.csv")


async def _plans_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AuthenticatedClient,
    *,
    failed: service.PlanForm | None = None,
    error: ApiError | None = None,
    saved: str = "",
    status: int = 200,
) -> Response:
    me = await console.me(api)
    if "operator" not in me.roles:  # any user may read the plans; only the operator edits
        raise ApiError(403, "Forbidden", "only the platform operator may do this")
    plans = await service.plans(api)
    forms = [service.PlanForm.of(plan) for plan in plans]
    if failed is not None:  # the form as typed, with the mistake beside it
        forms = [failed if f.name == failed.name else f for f in forms]
    context = {
        "me": me,
        "town": None,
        "session": session,
        "forms": forms,
        "failed": failed,
        "new": failed if failed and failed.name not in {p.name for p in plans} else None,
        "error": error,
        "saved": saved,
    }
    return render.page(request, "operator/plans.html", context, status=status)


@router.get("/plans", response_class=HTMLResponse)
async def plans_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, saved: str = ""
) -> Response:
    """The plans with their quotas and features, each editable, and a form for a new one."""
    return await _plans_page(request, render, session, api, saved=saved[:32])


@router.post("/plans", dependencies=[CsrfChecked])
async def save_plan(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    name: Annotated[str, Form(max_length=32)],
    description: Annotated[str, Form(max_length=500)] = "",
    limits: Annotated[str, Form(max_length=4000)] = "",
    features: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Create or change a plan; the towns on it get its new quotas."""
    form = service.PlanForm(name.strip(), description, limits, features)
    try:
        await service.save_plan(api, form)
    except ApiError as exc:
        if exc.status not in (400, 409, 422):
            raise
        return await _plans_page(
            request, render, session, api, failed=form, error=exc, status=exc.status
        )
    return RedirectResponse(f"/console/operator/plans?saved={form.name}", status_code=303)


@router.get("/usage", response_class=HTMLResponse)
async def usage_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    month: str = "",
) -> Response:
    """Every town's usage in a month, side by side, with the CSV for the invoices."""
    chosen = service.month_or_now(month)
    columns, rows = await service.usage(api, chosen)
    context = {
        "me": await console.me(api),
        "town": None,
        "session": session,
        "month": chosen,
        "columns": columns,
        "rows": rows,
        "metrics": service.METRICS,
    }
    return render.page(request, "operator/usage.html", context)


@router.get("/usage.csv")
async def usage_csv(api: UserApi, month: str = "") -> Response:
    """Every town's month as CSV: one row per town, one column per number."""
    chosen = service.month_or_now(month)
    return _csv(await service.usage_csv(api, chosen), f"usage-{chosen}.csv")
