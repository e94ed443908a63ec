"""The catalog pages: producers, places and categories. Thin routes: each reads the form, calls
`catalog.service` (the typed client) and renders a template. The API decides who may change
what (a producer user only their own producers); the pages show each user only what the API
gives them and hide the buttons their roles cannot use."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client.models import PlaceRead, ProducerRead
from web.catalog import service
from web.catalog.schemas import (
    DAYS,
    PLACE_KINDS,
    PRODUCER_KINDS,
    VISIBILITIES,
    CategoryForm,
    Location,
    PlaceForm,
    ProducerForm,
    shown,
)
from web.dependencies import CsrfChecked, LanguageDep, RendererDep, SessionDep, UserApi
from web.forms import FORM_REFUSALS, Refused, submit
from web.i18n import LANGUAGES

router = APIRouter(prefix="/console")


def _common(session: object) -> dict[str, object]:
    return {"session": session, "languages": LANGUAGES, "name_of": service.name_of}


def _map_url(item: ProducerRead | PlaceRead) -> str | None:
    return Location("", shown(item.latitude), shown(item.longitude)).map_url()


# --- producers -----------------------------------------------------------------------------


@router.get("/producers", response_class=HTMLResponse)
async def producers_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    q: str = "",
    cursor: str = "",
) -> Response:
    """The producers the user may see (a producer user: their own), searchable, a page at a
    time."""
    frame = await service.frame(api, language)
    listing = await service.producers(api, language, q.strip()[:200], cursor)
    context = {
        **frame,
        **_common(session),
        "listing": listing,
        "q": q,
        "cursor": cursor,
        "kinds": PRODUCER_KINDS,
    }
    return render.page(request, "catalog/producers.html", context)


async def _producer_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    form: ProducerForm,
    producer: ProducerRead | None,
    status: int = 200,
) -> Response:
    context = {
        **(await service.frame(api, language)),
        **_common(session),
        "form": form,
        "producer": producer,
        "kinds": PRODUCER_KINDS,
        "visibilities": VISIBILITIES,
        "map_url": form.location.map_url(),
    }
    return render.page(request, "catalog/producer_form.html", context, status=status)


@router.get("/producers/new", response_class=HTMLResponse)
async def new_producer(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The form for a new producer (town staff)."""
    return await _producer_page(request, render, session, api, language, ProducerForm(), None)


@router.post("/producers", dependencies=[CsrfChecked])
async def create_producer(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Register the producer through the API."""
    form = ProducerForm.read(await request.form())
    created = await submit(form.errors, lambda: service.create_producer(api, form))
    if not isinstance(created, Refused):
        return RedirectResponse(f"/console/producers/{created.id}?saved=1", status_code=303)
    return await _producer_page(request, render, session, api, language, form, None, status=422)


@router.get("/producers/{producer_id}", response_class=HTMLResponse)
async def edit_producer(
    producer_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A producer's profile and story, filled in (another producer's is the API's 404)."""
    found, version = await service.producer(api, producer_id)
    form = ProducerForm.of(found, version)
    return await _producer_page(request, render, session, api, language, form, found)


@router.post("/producers/{producer_id}", dependencies=[CsrfChecked])
async def update_producer(
    producer_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Save the producer's changes, unless someone changed it since the form was filled."""
    found, _ = await service.producer(api, producer_id)
    form = ProducerForm.read(await request.form())
    saved = await submit(form.errors, lambda: service.update_producer(api, found, form))
    if not isinstance(saved, Refused):
        return RedirectResponse(f"/console/producers/{producer_id}?saved=1", status_code=303)
    return await _producer_page(request, render, session, api, language, form, found, status=422)


# --- places --------------------------------------------------------------------------------


@router.get("/places", response_class=HTMLResponse)
async def places_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
    q: str = "",
    cursor: str = "",
) -> Response:
    """The town's places, searchable, with their status and a map link."""
    frame = await service.frame(api, language)
    listing = await service.places(api, language, q.strip()[:200], cursor)
    context = {
        **frame,
        **_common(session),
        "listing": listing,
        "q": q,
        "cursor": cursor,
        "kinds": PLACE_KINDS,
        "map_url": _map_url,
    }
    return render.page(request, "catalog/places.html", context)


async def _place_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    form: PlaceForm,
    place: PlaceRead | None,
    status: int = 200,
) -> Response:
    context = {
        **(await service.frame(api, language)),
        **_common(session),
        "form": form,
        "place": place,
        "kinds": PLACE_KINDS,
        "days": DAYS,
        "map_url": form.location.map_url(),
    }
    return render.page(request, "catalog/place_form.html", context, status=status)


@router.get("/places/new", response_class=HTMLResponse)
async def new_place(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The form for a new place."""
    return await _place_page(request, render, session, api, language, PlaceForm(), None)


@router.post("/places", dependencies=[CsrfChecked])
async def create_place(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Add the place (a draft until published)."""
    form = PlaceForm.read(await request.form(), creating=True)
    created = await submit(form.errors, lambda: service.create_place(api, form))
    if not isinstance(created, Refused):
        return RedirectResponse(f"/console/places/{created.id}?saved=1", status_code=303)
    return await _place_page(request, render, session, api, language, form, None, status=422)


@router.get("/places/{place_id}", response_class=HTMLResponse)
async def edit_place(
    place_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A place's form, filled in, with its publish and archive buttons."""
    found, version = await service.place(api, place_id)
    form = PlaceForm.of(found, version)
    return await _place_page(request, render, session, api, language, form, found)


@router.post("/places/{place_id}", dependencies=[CsrfChecked])
async def update_place(
    place_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Save the place's changes, unless someone changed it since the form was filled."""
    found, _ = await service.place(api, place_id)
    form = PlaceForm.read(await request.form(), creating=False)
    form.slug = found.slug
    saved = await submit(form.errors, lambda: service.update_place(api, place_id, form))
    if not isinstance(saved, Refused):
        return RedirectResponse(f"/console/places/{place_id}?saved=1", status_code=303)
    return await _place_page(request, render, session, api, language, form, found, status=422)


@router.post("/places/{place_id}/publish", dependencies=[CsrfChecked])
async def publish_place(place_id: UUID, api: UserApi) -> Response:
    """Show the place on the city page."""
    await service.publish_place(api, place_id)
    return RedirectResponse(f"/console/places/{place_id}?saved=published", status_code=303)


@router.post("/places/{place_id}/archive", dependencies=[CsrfChecked])
async def archive_place(place_id: UUID, api: UserApi) -> Response:
    """Take the place off the city page (kept, not deleted)."""
    await service.archive_place(api, place_id)
    return RedirectResponse(f"/console/places/{place_id}?saved=archived", status_code=303)


# --- categories ----------------------------------------------------------------------------


async def _categories_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    form: CategoryForm,
    status: int = 200,
) -> Response:
    found = await service.categories(api, language)
    context = {
        **(await service.frame(api, language)),
        **_common(session),
        "form": form,
        "categories": found,
        "parents": {str(c.id): service.name_of(c) for c in found},
    }
    return render.page(request, "catalog/categories.html", context, status=status)


@router.get("/categories", response_class=HTMLResponse)
async def categories_page(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """The town's categories and the form for a new one."""
    return await _categories_page(request, render, session, api, language, CategoryForm())


@router.post("/categories", dependencies=[CsrfChecked])
async def create_category(
    request: Request, render: RendererDep, session: SessionDep, api: UserApi, language: LanguageDep
) -> Response:
    """Add the category."""
    form = CategoryForm.read(await request.form(), creating=True)
    created = await submit(
        form.errors,
        lambda: service.create_category(api, form),
        shown=FORM_REFUSALS | {404},  # 404: the parent is gone
    )
    if not isinstance(created, Refused):
        return RedirectResponse("/console/categories?saved=1", status_code=303)
    return await _categories_page(request, render, session, api, language, form, status=422)


async def _category_page(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: str,
    category_id: UUID,
    form: CategoryForm | None = None,
    status: int = 200,
) -> Response:
    found = await service.category(api, category_id)
    form = form or CategoryForm(slug=found.slug, names=dict(found.name.additional_properties))
    context = {
        **(await service.frame(api, language)),
        **_common(session),
        "form": form,
        "category": found,
    }
    return render.page(request, "catalog/category_form.html", context, status=status)


@router.get("/categories/{category_id}", response_class=HTMLResponse)
async def edit_category(
    category_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """A category's names in each language, to correct or complete."""
    return await _category_page(request, render, session, api, language, category_id)


@router.post("/categories/{category_id}", dependencies=[CsrfChecked])
async def rename_category(
    category_id: UUID,
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    language: LanguageDep,
) -> Response:
    """Save the category's names."""
    form = CategoryForm.read(await request.form(), creating=False)
    saved = await submit(form.errors, lambda: service.rename_category(api, category_id, form))
    if not isinstance(saved, Refused):
        return RedirectResponse(f"/console/categories/{category_id}?saved=1", status_code=303)
    return await _category_page(
        request, render, session, api, language, category_id, form, status=422
    )
