"""What the console's pages read and write, each a few typed-client calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from starlette.datastructures import UploadFile

from machi_client import AuthenticatedClient, Client
from machi_client.api.auth import auth_token, me_get
from machi_client.api.categories import categories_list
from machi_client.api.channels import channels_list
from machi_client.api.deliveries import deliveries_list
from machi_client.api.media import media_create
from machi_client.api.notifications import (
    notifications_list,
    notifications_read,
    notifications_read_all,
)
from machi_client.api.posts import (
    posts_approve,
    posts_get,
    posts_list,
    posts_reject,
    posts_schedule,
)
from machi_client.api.producers import producers_list
from machi_client.api.products import (
    products_create,
    products_get,
    products_list,
    products_publish,
    products_update,
    products_variants_create,
    products_variants_get,
    products_variants_update,
)
from machi_client.api.public import public_products_get
from machi_client.api.reports import reports_overview
from machi_client.api.tenants import tenants_get
from machi_client.models import (
    AuthTokenTokenRequest,
    AvailableProduct,
    BodyMediaCreate,
    ChannelRead,
    DeliveryRead,
    MediaAttachment,
    MediaAttachmentAlt,
    MediaRead,
    MeRead,
    MeReadLanguageType0,
    NotificationPage,
    Overview,
    PageCategoryRead,
    PageChannelRead,
    PageDeliveryRead,
    PagePostRead,
    PageProducerRead,
    PageProductRead,
    PostRead,
    ProductCreate,
    ProductCreateDescription,
    ProductCreateName,
    ProductPage,
    ProductRead,
    ProductUpdate,
    ProductUpdateDescriptionType0,
    ProductUpdateNameType0,
    Rejection,
    ScheduleRequest,
    TenantRead,
    TokenRead,
    VariantCreate,
    VariantRead,
    VariantUpdate,
)
from machi_client.types import UNSET, File, Unset
from web import i18n
from web.console.schemas import ProductForm, VariantForm, minor_units
from web.gateway import ApiError, parsed, succeeded
from web.i18n import N_
from web.rendering import text

POST_PHOTO = "web"  # the rendition platforms fetch for a post (up to 1600 px)


@dataclass(frozen=True)
class Town:
    """The signed-in user's town, as the console shows it."""

    id: str
    slug: str
    name: str
    timezone: str
    currency: str


async def sign_in(api: Client, email: str, password: str, totp_code: str = "") -> TokenRead:
    """Tokens for an email and password, and the second factor's code where the account has
    one (the gateway throttles and locks)."""
    body = AuthTokenTokenRequest(email=email, password=password, totp_code=totp_code or UNSET)
    return parsed(await auth_token.asyncio_detailed(client=api, body=body), TokenRead)


async def me(api: AuthenticatedClient) -> MeRead:
    return parsed(await me_get.asyncio_detailed(client=api), MeRead)


def saved_language(who: MeRead) -> str | None:
    """The language the user chose in their account, if any."""
    return who.language.value if isinstance(who.language, MeReadLanguageType0) else None


async def town(api: AuthenticatedClient, who: MeRead, language: str) -> Town | None:
    """The user's town (none for the platform operator)."""
    if not who.tenant_id:
        return None
    tenant = parsed(await tenants_get.asyncio_detailed(who.tenant_id, client=api), TenantRead)
    names = tenant.name.additional_properties
    name = names.get(language) or names.get(tenant.fallback_locale) or tenant.slug
    return Town(str(tenant.id), tenant.slug, name, tenant.timezone, tenant.currency)


async def products(
    api: AuthenticatedClient, language: str, q: str | None = None, producer: UUID | None = None
) -> list[ProductRead]:
    answer = await products_list.asyncio_detailed(
        client=api, limit=100, lang=language, q=q or UNSET, producer_id=producer or UNSET
    )
    return parsed(answer, PageProductRead).items


async def channels_needing_reauth(api: AuthenticatedClient) -> list[str]:
    page = parsed(await channels_list.asyncio_detailed(client=api, limit=100), PageChannelRead)
    return [c.name for c in page.items if c.status == "needs_reauth"]


@dataclass(frozen=True)
class Notice:
    """A notice to the signed-in person: a channel to reconnect, with the platform's reason."""

    id: UUID
    name: str
    platform: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class Notices:
    unread: int
    items: list[Notice]


async def notices(api: AuthenticatedClient, limit: int = 10) -> Notices:
    """The person's latest unread notices, and how many are unread in all."""
    page = parsed(
        await notifications_list.asyncio_detailed(client=api, unread=True, limit=limit),
        NotificationPage,
    )
    items = []
    for notice in page.items:
        data = notice.data.additional_properties
        items.append(
            Notice(
                id=notice.id,
                name=str(data.get("name") or ""),
                platform=str(data.get("platform") or ""),
                reason=str(data.get("reason") or ""),
                at=notice.created_at,
            )
        )
    return Notices(unread=page.unread, items=items)


async def read_notice(api: AuthenticatedClient, notice_id: UUID | None) -> None:
    """Mark one notice read, or every one with None."""
    if notice_id is None:
        succeeded(await notifications_read_all.asyncio_detailed(client=api))
    else:
        succeeded(await notifications_read.asyncio_detailed(notice_id, client=api))


def product_name(product: ProductRead) -> str:
    shown = product.display_name if isinstance(product.display_name, str) else None
    names = product.name.additional_properties
    return shown or text(next(iter(names.values()), None)) or product.slug


def _choices(items: list[object], language: str) -> list[tuple[str, str]]:
    """(id, name in `language`) of producers or categories, for a select."""
    found = []
    for item in items:
        names = item.name.additional_properties  # type: ignore[attr-defined]
        shown = getattr(item, "display_name", None)
        name = shown if isinstance(shown, str) else None
        name = name or names.get(language) or next(iter(names.values()), "")
        found.append((str(item.id), name))  # type: ignore[attr-defined]
    return found


async def producers(api: AuthenticatedClient, language: str) -> list[tuple[str, str]]:
    answer = await producers_list.asyncio_detailed(client=api, limit=100, lang=language)
    return _choices(list(parsed(answer, PageProducerRead).items), language)


async def categories(api: AuthenticatedClient, language: str) -> list[tuple[str, str]]:
    answer = await categories_list.asyncio_detailed(client=api, limit=100, lang=language)
    return _choices(list(parsed(answer, PageCategoryRead).items), language)


async def upload_photo(api: AuthenticatedClient, photo: UploadFile) -> MediaRead:
    """The photo stored by the catalog (EXIF location removed, renditions made)."""
    body = BodyMediaCreate(
        file=File(payload=photo.file, file_name=photo.filename, mime_type=photo.content_type)
    )
    return parsed(await media_create.asyncio_detailed(client=api, body=body), MediaRead)


def _attachment(media: MediaRead, names: dict[str, str]) -> MediaAttachment:
    alt = MediaAttachmentAlt.from_dict({k: v for k, v in names.items() if v})
    return MediaAttachment(media_id=media.id, alt=alt)


def _filled(values: dict[str, str]) -> dict[str, str]:
    return {language: value for language, value in values.items() if value}


async def create_product(api: AuthenticatedClient, form: ProductForm, currency: str) -> ProductRead:
    """A product from the form, with its photo, published if asked."""
    media = [_attachment(await upload_photo(api, form.photo), form.names)] if form.photo else []
    body = ProductCreate(
        producer_id=UUID(form.producer_id),
        slug=form.slug,
        name=ProductCreateName.from_dict(_filled(form.names)),
        description=ProductCreateDescription.from_dict(_filled(form.descriptions)),
        price_amount=minor_units(form.price, currency) if form.price else None,
        currency=currency,
        category_id=UUID(form.category_id) if form.category_id else None,
        season_months=form.season_months,
        media=media,
    )
    product = parsed(await products_create.asyncio_detailed(client=api, body=body), ProductRead)
    if form.publish:
        answer = await products_publish.asyncio_detailed(product.id, client=api)
        product = parsed(answer, ProductRead)
    return product


async def product(api: AuthenticatedClient, product_id: UUID) -> ProductRead:
    found, _ = await product_version(api, product_id)
    return found


async def product_version(api: AuthenticatedClient, product_id: UUID) -> tuple[ProductRead, str]:
    """The product and its version (ETag), which an edit sends back as If-Match so a change
    made meanwhile by someone else is not overwritten (RFC 9110 13.1.1)."""
    answer = await products_get.asyncio_detailed(product_id, client=api)
    return parsed(answer, ProductRead), answer.headers.get("etag", "")


async def update_product(
    api: AuthenticatedClient, current: ProductRead, form: ProductForm, currency: str
) -> ProductRead:
    # Upload first: a refused edit then leaves only an unused photo, never half a product.
    """The form's changes; a new photo goes first, before the ones the product had."""
    media: list[MediaAttachment] | Unset = UNSET
    if form.photo:
        kept = [
            MediaAttachment(media_id=m.media_id)
            for m in (current.media if not isinstance(current.media, Unset) else [])
        ]
        media = [_attachment(await upload_photo(api, form.photo), form.names), *kept]
    body = ProductUpdate(
        name=ProductUpdateNameType0.from_dict(_filled(form.names)),
        description=ProductUpdateDescriptionType0.from_dict(_filled(form.descriptions)),
        price_amount=minor_units(form.price, currency) if form.price else None,
        category_id=UUID(form.category_id) if form.category_id else None,
        season_months=form.season_months,
        media=media,
    )
    answer = await products_update.asyncio_detailed(
        current.id, client=api, body=body, if_match=form.version or UNSET
    )
    updated = parsed(answer, ProductRead)
    if form.publish and updated.status != "published":
        updated = parsed(
            await products_publish.asyncio_detailed(current.id, client=api), ProductRead
        )
    return updated


async def variants(api: AuthenticatedClient, found: ProductRead) -> list[tuple[VariantRead, str]]:
    """The product's variants, each with its version (ETag) for the edit form's If-Match."""
    listed = found.variants if not isinstance(found.variants, Unset) else []
    versions = []
    for variant in listed:
        answer = await products_variants_get.asyncio_detailed(found.id, variant.id, client=api)
        versions.append((parsed(answer, VariantRead), answer.headers.get("etag", "")))
    return versions


async def add_variant(
    api: AuthenticatedClient, product_id: UUID, form: VariantForm, currency: str
) -> VariantRead:
    body = VariantCreate.from_dict({"sku": form.sku, **form.body(currency)})
    answer = await products_variants_create.asyncio_detailed(product_id, client=api, body=body)
    return parsed(answer, VariantRead)


async def update_variant(
    api: AuthenticatedClient, product_id: UUID, variant_id: UUID, form: VariantForm, currency: str
) -> VariantRead:
    """Save the variant's price and stock; a version changed meanwhile is the API's 412."""
    body = VariantUpdate.from_dict(form.body(currency))
    answer = await products_variants_update.asyncio_detailed(
        product_id, variant_id, client=api, body=body, if_match=form.version or UNSET
    )
    return parsed(answer, VariantRead)


async def channels(api: AuthenticatedClient, *, postable: bool = False) -> list[ChannelRead]:
    """The connected channels; `postable`: only those the user may post to (the API decides: a
    staff member's own accounts, every channel for the content team)."""
    answer = await channels_list.asyncio_detailed(client=api, limit=100, postable=postable)
    return [c for c in parsed(answer, PageChannelRead).items if c.status == "active"]


async def all_channels(api: AuthenticatedClient) -> dict[str, ChannelRead]:
    """The town's channels the user may see, by id, whatever their state."""
    page = parsed(await channels_list.asyncio_detailed(client=api, limit=100), PageChannelRead)
    return {str(c.id): c for c in page.items}


@dataclass(frozen=True)
class Review:
    """A post as an editor weighs it: where and when it would go out, and its photo."""

    post: PostRead
    channels: list[str]  # "name (platform)"; a channel the editor cannot see is left out
    planned_at: datetime | None
    photo: str | None

    @classmethod
    def of(cls, post: PostRead, known: dict[str, ChannelRead]) -> Review:
        ids = [] if isinstance(post.channel_ids, Unset) else [str(i) for i in post.channel_ids]
        named = [f"{known[i].name} ({known[i].platform})" for i in ids if i in known]
        planned = None if isinstance(post.planned_at, Unset) else post.planned_at
        media = [] if isinstance(post.media, Unset) else post.media
        return cls(post, named, planned, media[0].url if media else None)


def photo_url(found: ProductRead, rendition: str = POST_PHOTO) -> str | None:
    media = found.media if not isinstance(found.media, Unset) else []
    if not media or isinstance(media[0].urls, Unset):
        return None
    url: str | None = media[0].urls.additional_properties.get(rendition)
    return url


async def post(api: AuthenticatedClient, post_id: UUID) -> PostRead:
    return parsed(await posts_get.asyncio_detailed(post_id, client=api), PostRead)


async def posts(api: AuthenticatedClient, status: str | None = None) -> list[PostRead]:
    answer = await posts_list.asyncio_detailed(client=api, limit=20, status=status or UNSET)
    return parsed(answer, PagePostRead).items


async def store_url(api: Client, town: str, slug: str) -> str | None:
    """Where the product is sold (its first listing's item page), which the post's tracked link
    leads to; None while it is listed in no store."""
    answer = await public_products_get.asyncio_detailed(town, slug, client=api)
    page = answer.parsed
    if not isinstance(page, ProductPage) or not isinstance(page.product, AvailableProduct):
        return None
    return next((x.url for x in page.product.listings if x.url), None)


async def deliveries(api: AuthenticatedClient, post_id: UUID) -> list[DeliveryRead]:
    answer = await deliveries_list.asyncio_detailed(client=api, post_id=post_id, limit=50)
    return parsed(answer, PageDeliveryRead).items


async def approve(api: AuthenticatedClient, post_id: UUID) -> PostRead:
    """Approve a post (an editor; never one's own: the API refuses)."""
    return parsed(await posts_approve.asyncio_detailed(post_id, client=api), PostRead)


async def reject(api: AuthenticatedClient, post_id: UUID, comment: str) -> PostRead:
    """Send a post back to its writer with the editor's comment."""
    body = Rejection(comment=comment)
    return parsed(await posts_reject.asyncio_detailed(post_id, client=api, body=body), PostRead)


async def schedule(
    api: AuthenticatedClient, post_id: UUID, at: datetime | None, timezone: str
) -> PostRead:
    """Schedule an approved post at a time, or now (an editor may move a scheduled one the
    same way)."""
    body = ScheduleRequest(at=at, timezone=timezone)
    return parsed(await posts_schedule.asyncio_detailed(post_id, client=api, body=body), PostRead)


@dataclass(frozen=True)
class Figure:
    """One of the dashboard's numbers, this period and the one before, for a bar chart."""

    label: str
    current: int
    previous: int
    shown: str
    previous_shown: str

    @property
    def percent(self) -> int:
        """This period's bar as a share of the longer of the two (0 to 100)."""
        top = max(self.current, self.previous)
        return round(100 * self.current / top) if top else 0

    @property
    def previous_percent(self) -> int:
        top = max(self.current, self.previous)
        return round(100 * self.previous / top) if top else 0


async def month_figures(api: AuthenticatedClient, currency: str, language: str) -> list[Figure]:
    """This month's clicks, orders and revenue beside last month's; none for a role that may
    not read reports."""
    try:
        overview = parsed(await reports_overview.asyncio_detailed(client=api), Overview)
    except ApiError as exc:
        if exc.status == 403:
            return []
        raise
    now, before = overview.current, overview.previous

    def count(value: int | Unset) -> int:
        return value if isinstance(value, int) else 0

    def number(label: str, current: int, previous: int) -> Figure:
        return Figure(label, current, previous, f"{current:,}", f"{previous:,}")

    revenue, revenue_before = count(now.revenue), count(before.revenue)
    return [
        number(N_("Clicks"), count(now.clicks), count(before.clicks)),
        number(N_("Orders"), count(now.orders), count(before.orders)),
        Figure(
            N_("Revenue"),
            revenue,
            revenue_before,
            i18n.price(revenue, currency, language),
            i18n.price(revenue_before, currency, language),
        ),
    ]
