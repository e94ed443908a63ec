"""The composer: one text (a channel's own where it differs), the product's photo, and a preview
card per channel from the API's preview, which counts by each platform's rules. Without script
the Preview button shows the cards; with it the counters are live and the cards refresh."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from machi_client.models import ProductRead
from web import i18n
from web.composer import service
from web.composer.schemas import PostForm
from web.console import service as console
from web.console.api import _town, _town_frame
from web.dependencies import (
    AnonymousApi,
    CsrfChecked,
    LanguageDep,
    RendererDep,
    SessionDep,
    UserApi,
)
from web.forms import Refused, submit
from web.i18n import N_

router = APIRouter(prefix="/console/posts")
FRAGMENT = "x-machi-fragment"  # the script asks for the preview cards alone


@dataclass
class Composer:
    """What the composer page shows and a submit sends: the product, its store page (the
    tracked link's destination), the chosen photo and each channel's preview."""

    frame: dict[str, object]
    form: PostForm
    about: ProductRead | None
    destination: str | None
    photo: service.Photo | None
    preview: service.Preview
    extra: dict[str, object]

    def context(self, **more: object) -> dict[str, object]:
        return {
            **self.frame,
            **self.extra,
            "form": self.form,
            "about": self.about,
            "destination": self.destination,
            "photo": self.photo,
            "preview": self.preview,
            **more,
        }


async def _composer(
    api: UserApi,
    public: AnonymousApi,
    language: str,
    form: PostForm,
) -> Composer:
    frame = await _town_frame(api, language)
    town = _town(frame)
    about = await console.product(api, UUID(form.product_id)) if form.product_id else None
    destination = await console.store_url(public, town.slug, about.slug) if about else None
    choices = service.photos(about)
    if about is not None and not form.media_asked and choices:
        form.media_id = choices[0].media_id  # the product's own photo, unless one was chosen
    photo = service.chosen_photo(form, choices)
    channels = await console.channels(api, postable=True)
    products = await console.products(api, language)
    preview = await service.preview(api, form, channels, about, destination, photo)
    extra = {
        "photos": choices,
        "channels": channels,
        "products": [(str(p.id), console.product_name(p)) for p in products],
    }
    return Composer(frame, form, about, destination, photo, preview, extra)


def _draft_text(found: ProductRead, language: str) -> str:
    names = found.name.additional_properties
    name = names.get(language) or console.product_name(found)
    return f"{name} {i18n.price(found.price_amount, found.currency, language)}"


@router.get("/new", response_class=HTMLResponse)
async def new_post(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    public: AnonymousApi,
    language: LanguageDep,
    product: UUID | None = None,
) -> Response:
    """The composer, started from a product when one is given."""
    form = PostForm()
    if product is not None:
        form.product_id = str(product)
        form.text = _draft_text(await console.product(api, product), language)
    page = await _composer(api, public, language, form)
    return render.page(request, "composer/compose.html", page.context(session=session))


@router.post("/preview", dependencies=[CsrfChecked])
async def preview_post(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    public: AnonymousApi,
    language: LanguageDep,
) -> Response:
    """Each chosen channel's card as the API counts and checks it: the whole composer again, or
    only the cards when the page's script asks."""
    form = PostForm.read(await request.form())
    form.action = "preview"
    form.errors.pop("text", None)  # a preview of nothing yet is not a mistake
    form.errors.pop("channel_ids", None)
    page = await _composer(api, public, language, form)
    if request.headers.get(FRAGMENT) == "preview":
        return render.page(request, "composer/_preview.html", page.context(session=session))
    context = page.context(session=session, previewed=True)
    return render.page(request, "composer/compose.html", context)


@router.post("", dependencies=[CsrfChecked])
async def create_post(
    request: Request,
    render: RendererDep,
    session: SessionDep,
    api: UserApi,
    public: AnonymousApi,
    language: LanguageDep,
) -> Response:
    """Create the post; submit it and schedule it unless it stays a draft. A text a channel's
    platform would refuse is shown on its card and nothing is created."""
    form = PostForm.read(await request.form())
    page = await _composer(api, public, language, form)
    if not form.errors and form.action == "submit" and not page.preview.valid_for(form.channel_ids):
        form.errors["form"] = N_("A channel would refuse this post: see its card below.")
    town = _town(page.frame)
    created = await submit(
        form.errors,
        lambda: service.create_post(
            api, form, page.about, page.destination, page.photo, town.timezone
        ),
    )
    if not isinstance(created, Refused):
        return RedirectResponse(f"/console/posts/{created.id}", status_code=303)
    context = page.context(session=session, previewed=True)
    return render.page(request, "composer/compose.html", context, status=422)
