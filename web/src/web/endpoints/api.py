"""The outgoing webhooks page (town admins): partner endpoints with the events they receive,
made, switched off and on, deleted, and their secret rotated; a secret is on the page once."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client import AuthenticatedClient
from machi_client.models import WebhookEndpointSecret
from web import i18n
from web.console import navigation
from web.console import service as console
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.endpoints import service
from web.gateway import ApiError
from web.i18n import N_

router = APIRouter(prefix="/console/webhook-endpoints")
PAGE = "/console/webhook-endpoints"
DONE = ("disabled", "enabled", "deleted")
SHOWN = (400, 404, 409, 422)


async def _page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AuthenticatedClient,
    language: str,
    *,
    made: WebhookEndpointSecret | None = None,
    rotated: WebhookEndpointSecret | None = None,
    error: ApiError | None = None,
    typed: dict[str, object] | None = None,
    done: str = "",
    status: int = 200,
) -> Response:
    who = await console.me(api)
    town = await console.town(api, who, language)
    zone = town.timezone if town else "UTC"
    context = {
        "me": who,
        "counters": await navigation.counters(api, who),
        "town": town,
        "session": session,
        "endpoints": await service.endpoints(api),
        "events": service.EVENTS,
        "made": made,
        "rotated": rotated,
        "error": error,
        "typed": typed or {},
        "done": done if done in DONE else "",
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    response = render.page(request, "admin/endpoints.html", context, status=status)
    response.headers["Cache-Control"] = "no-store"  # a new secret may be on it
    return response


@router.get("", response_class=HTMLResponse)
async def endpoints_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    done: str = "",
) -> Response:
    """The town's endpoints and the form for a new one."""
    return await _page(request, render, session, api, language, done=done)


@router.post("", dependencies=[CsrfChecked])
async def create(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    url: Annotated[str, Form(max_length=2000)],
    description: Annotated[str, Form(max_length=200)] = "",
    events: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    """Register an endpoint; its secret is shown on this page once."""
    chosen = [e for e in service.EVENTS if e in events]
    typed: dict[str, object] = {"url": url.strip(), "description": description.strip()}
    typed["events"] = chosen
    args = (request, render, session, api, language)
    if not chosen:
        error = ApiError(422, N_("Choose at least one event."))
        return await _page(*args, error=error, typed=typed, status=422)
    try:
        made = await service.create(api, url.strip(), description.strip(), chosen)
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        return await _page(*args, error=exc, typed=typed, status=exc.status)
    return await _page(*args, made=made)


@router.post("/{endpoint_id}/rotate", dependencies=[CsrfChecked])
async def rotate(
    endpoint_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A new secret for the endpoint, shown once; the old one stops signing."""
    rotated = await service.rotate(api, endpoint_id)
    return await _page(request, render, session, api, language, rotated=rotated)


@router.post("/{endpoint_id}/disable", dependencies=[CsrfChecked])
async def disable(endpoint_id: UUID, api: UserApi) -> Response:
    await service.switch(api, endpoint_id, False)
    return RedirectResponse(f"{PAGE}?done=disabled", status_code=303)


@router.post("/{endpoint_id}/enable", dependencies=[CsrfChecked])
async def enable(endpoint_id: UUID, api: UserApi) -> Response:
    await service.switch(api, endpoint_id, True)
    return RedirectResponse(f"{PAGE}?done=enabled", status_code=303)


@router.post("/{endpoint_id}/delete", dependencies=[CsrfChecked])
async def delete(endpoint_id: UUID, api: UserApi) -> Response:
    await service.delete(api, endpoint_id)
    return RedirectResponse(f"{PAGE}?done=deleted", status_code=303)
