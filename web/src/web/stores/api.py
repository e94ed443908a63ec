"""The store connections page (town admins): the town's stores with their last sync, the form
that connects one, and "sync now". Credentials are written, never shown: not after saving, not
when the form comes back with a mistake."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client import AuthenticatedClient
from machi_client.models import SyncReport
from web import i18n
from web.console import navigation
from web.console import service as console
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.gateway import ApiError
from web.i18n import N_
from web.stores import service

router = APIRouter(prefix="/console/stores")
SHOWN = (400, 404, 409, 422, 502, 503)  # said on the page; anything else is the error page


async def _page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: AuthenticatedClient,
    language: str,
    *,
    form: service.StoreForm | None = None,
    error: ApiError | None = None,
    connected: str = "",
    synced: SyncReport | None = None,
    sync_error: ApiError | None = None,
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
        "stores": await service.storefronts(api),
        "kinds": service.KINDS,
        "credentials": service.CREDENTIALS,
        "credential_labels": service.CREDENTIAL_LABELS,
        "form": form,
        "error": error,
        "connected": connected,
        "synced": synced,
        "sync_error": sync_error,
        "when": lambda moment: i18n.when(moment, zone, language),
    }
    response = render.page(request, "admin/stores.html", context, status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("", response_class=HTMLResponse)
async def stores_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    connected: str = "",
) -> Response:
    """The town's stores and the form that connects another."""
    return await _page(request, render, session, api, language, connected=connected[:200])


@router.post("", dependencies=[CsrfChecked])
async def connect(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    kind: Annotated[str, Form(max_length=20)],
    name: Annotated[str, Form(max_length=200)],
    currency: Annotated[str, Form(max_length=3)] = "JPY",
    api_base_url: Annotated[str, Form(max_length=2083)] = "",
    item_url_template: Annotated[str, Form(max_length=500)] = "",
    store: Annotated[str, Form(max_length=100)] = "",
    access_token: Annotated[str, Form(max_length=500)] = "",
    consumer_key: Annotated[str, Form(max_length=500)] = "",
    consumer_secret: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Connect a store; its credentials are sent to the API and forgotten here."""
    form = service.StoreForm(
        kind.strip(),
        name.strip(),
        currency.strip().upper(),
        api_base_url.strip(),
        item_url_template.strip(),
        store.strip(),
    )
    args = (request, render, session, api, language)
    if form.kind not in service.KINDS or not form.name:
        error = ApiError(422, N_("Choose the kind of store and give it a name."))
        return await _page(*args, form=form, error=error, status=422)
    secrets = {
        "access_token": access_token.strip(),
        "consumer_key": consumer_key.strip(),
        "consumer_secret": consumer_secret.strip(),
    }
    try:
        created = await service.connect(api, form, secrets)
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        return await _page(*args, form=form, error=exc, status=exc.status)
    query = urlencode({"connected": created.name})
    return RedirectResponse(f"/console/stores?{query}", status_code=303)


@router.post("/{storefront_id}/sync", dependencies=[CsrfChecked])
async def sync(
    storefront_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Pull the store's prices and stock now, and say what changed."""
    args = (request, render, session, api, language)
    try:
        report = await service.sync(api, storefront_id)
    except ApiError as exc:
        if exc.status not in SHOWN:
            raise
        return await _page(*args, sync_error=exc, status=exc.status)
    return await _page(*args, synced=report)
