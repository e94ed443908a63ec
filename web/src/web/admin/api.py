"""The town admin's pages: users (invite, roles, deactivate and reactivate), API keys and the
audit log.
Each calls the public API as the signed-in user, so a role without the right gets the API's
403 in words."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import i18n
from web.admin import service
from web.console import navigation
from web.console import service as console
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError

router = APIRouter(prefix="/console")

DONE = ("roles", "deactivated", "reactivated")


async def _users_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    status: int = 200,
    **extra: object,
) -> Response:
    who = await console.me(api)
    context = {
        "me": who,
        "counters": await navigation.counters(api, who),
        "town": await console.town(api, who, language),
        "session": session,
        "users": await service.users(api),
        "roles": service.ROLES,
        **extra,
    }
    response = render.page(request, "admin/users.html", context, status=status)
    response.headers["Cache-Control"] = "no-store"  # an invitation's code may be on it
    return response


@router.get("/users", response_class=HTMLResponse)
async def users_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str = "",
) -> Response:
    """The town's users with their roles and status, and the invitation form."""
    shown = done if done in DONE else ""
    return await _users_page(request, render, session, api, language, done=shown)


@router.post("/users/invite", dependencies=[CsrfChecked])
async def invite(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    email: Annotated[str, Form(max_length=320)],
    roles: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    """Invite someone; the page shows the invitation's link once, beside the mail."""
    chosen = service.chosen_roles(roles)
    if not chosen:
        return await _users_page(
            request, render, session, api, language, status=422, no_role=True, email=email
        )
    try:
        created = await service.invite(api, email.strip(), chosen)
    except ApiError as exc:
        if exc.status not in (400, 409, 422, 429):
            raise
        return await _users_page(
            request, render, session, api, language, status=exc.status, error=exc, email=email
        )
    link = f"{request.base_url}console/invitation?code={created.token}"
    return await _users_page(request, render, session, api, language, invited=created, link=link)


@router.post("/users/{user_id}/roles", dependencies=[CsrfChecked])
async def change_roles(
    user_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    roles: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    """Give the user these roles (at least one)."""
    chosen = service.chosen_roles(roles)
    if not chosen:
        return await _users_page(request, render, session, api, language, status=422, no_role=True)
    try:
        await service.set_roles(api, user_id, chosen)
    except ApiError as exc:
        if exc.status not in (400, 409, 422):
            raise
        return await _users_page(
            request, render, session, api, language, status=exc.status, error=exc
        )
    return RedirectResponse("/console/users?done=roles", status_code=303)


@router.post("/users/{user_id}/deactivate", dependencies=[CsrfChecked])
async def deactivate(user_id: UUID, api: UserApi) -> Response:
    """The user can no longer sign in."""
    await service.deactivate(api, user_id)
    return RedirectResponse("/console/users?done=deactivated", status_code=303)


@router.post("/users/{user_id}/reactivate", dependencies=[CsrfChecked])
async def reactivate(user_id: UUID, api: UserApi) -> Response:
    """The user can sign in again."""
    await service.reactivate(api, user_id)
    return RedirectResponse("/console/users?done=reactivated", status_code=303)


async def _keys_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    status: int = 200,
    **extra: object,
) -> Response:
    who = await console.me(api)
    town = await console.town(api, who, language)
    zone = town.timezone if town else "UTC"
    context = {
        "me": who,
        "counters": await navigation.counters(api, who),
        "town": town,
        "session": session,
        "keys": await service.api_keys(api),
        "roles": service.ROLES,
        "scopes": service.SCOPES,
        "when": lambda moment: i18n.when(moment, zone, language),
        **extra,
    }
    response = render.page(request, "admin/api_keys.html", context, status=status)
    response.headers["Cache-Control"] = "no-store"  # a new key's secret may be on it
    return response


@router.get("/api-keys", response_class=HTMLResponse)
async def api_keys_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str = "",
) -> Response:
    """The town's API keys and the form for a new one."""
    return await _keys_page(request, render, session, api, language, revoked=done == "revoked")


@router.post("/api-keys", dependencies=[CsrfChecked])
async def create_api_key(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    name: Annotated[str, Form(max_length=100)],
    roles: Annotated[list[str], Form()] = [],  # noqa: B006
    scopes: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    """Create a key; its secret is shown on this page once."""
    chosen = service.chosen_roles(roles)
    reach = [s for s in service.SCOPES if s in scopes] or ["*"]
    if not chosen or not name.strip():
        return await _keys_page(request, render, session, api, language, status=422, no_role=True)
    try:
        created = await service.create_api_key(api, name.strip(), chosen, reach)
    except ApiError as exc:
        if exc.status not in (400, 409, 422):
            raise
        return await _keys_page(
            request, render, session, api, language, status=exc.status, error=exc
        )
    return await _keys_page(request, render, session, api, language, created=created)


@router.post("/api-keys/{key_id}/revoke", dependencies=[CsrfChecked])
async def revoke_api_key(key_id: UUID, api: UserApi) -> Response:
    """Revoke the key: it stops working at once."""
    await service.revoke_api_key(api, key_id)
    return RedirectResponse("/console/api-keys?done=revoked", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
async def audit_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    action: str = "",
    actor: str = "",
    target: str = "",
    since: str = "",
    until: str = "",
    cursor: str = "",
) -> Response:
    """Who did what and when, filtered, newest first; a page at a time, and as CSV."""
    who = await console.me(api)
    town = await console.town(api, who, language)
    zone = town.timezone if town else "UTC"
    found = service.AuditFilter(action[:64], actor[:100], target[:400], since[:10], until[:10])
    events, following = await service.audit(api, found, zone, cursor[:500])
    query = found.query()
    context = {
        "me": who,
        "counters": await navigation.counters(api, who),
        "town": town,
        "session": session,
        "events": events,
        "filter": found,
        "csv_link": "/console/audit.csv" + (f"?{urlencode(query)}" if query else ""),
        "next_link": f"/console/audit?{urlencode({**query, 'cursor': following})}"
        if following
        else None,
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    return render.page(request, "admin/audit.html", context)


@router.get("/audit.csv")
async def audit_csv(
    api: UserApi,
    language: LanguageDep,
    action: str = "",
    actor: str = "",
    target: str = "",
    since: str = "",
    until: str = "",
) -> Response:
    """The filtered audit log as CSV, for a spreadsheet."""
    who = await console.me(api)
    town = await console.town(api, who, language)
    found = service.AuditFilter(action[:64], actor[:100], target[:400], since[:10], until[:10])
    body = await service.audit_csv(api, found, town.timezone if town else "UTC")
    name = f"{town.slug if town else 'machi'}-audit.csv"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
