"""Use cases of tracked links: create (by hand or for a publisher delivery), edit, read."""

from __future__ import annotations

import logging
import secrets
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.errors import CodeTaken, DestinationRefused, LinkNotFound
from analytics.links import destinations
from analytics.links import repository as links_repo
from analytics.links.schemas import LinkCreate, LinkUpdate
from analytics.models import Link
from analytics.products import repository as products_repo
from analytics.settings import AnalyticsSettings
from analytics.tracking import service as tracking
from contracts.analytics import LinkCreatedV1, LinkRoutedV1
from kit import tenancy
from kit.events import outbox
from kit.links import with_params

log = logging.getLogger(__name__)

DIMENSIONS = (
    "post_id",
    "channel_id",
    "platform",
    "product_id",
    "producer_id",
    "place_id",
    "campaign_id",
    "delivery_id",
)


def new_code() -> str:
    """8 URL-safe characters: 48 random bits, unguessable."""
    return secrets.token_urlsafe(6)


def short_url(settings: AnalyticsSettings, code: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/r/{code}"


def _directory_values(link: Link) -> dict[str, Any]:
    dimensions = {d: str(v) for d in DIMENSIONS if (v := getattr(link, d)) is not None}
    return {
        "code": link.code,
        "tenant_id": link.tenant_id,
        "link_id": link.id,
        "destination": with_params(link.destination, dict(link.utm)),
        "expires_at": link.expires_at,
        "dimensions": dimensions,
    }


async def _route(session: AsyncSession, link: Link) -> None:
    """Point `/r/{code}` at the link's destination, here and in every process answering it
    from memory (the gateway's edge redirect follows `LinkRoutedV1`)."""
    values = _directory_values(link)
    await links_repo.put_directory(session, values)
    await outbox.add(
        session,
        LinkRoutedV1(
            code=link.code,
            link_id=link.id,
            destination=values["destination"],
            expires_at=link.expires_at,
            dimensions=values["dimensions"],
        ),
    )


async def _unroute(session: AsyncSession, link: Link) -> None:
    """`/r/{code}` leads nowhere (404), here and at the edge."""
    await links_repo.drop_directory(session, link.code)
    await outbox.add(session, LinkRoutedV1(code=link.code, link_id=link.id, destination=None))


def _tenant(session: AsyncSession) -> uuid.UUID:
    tenant = tenancy.current_tenant(session)
    if tenant is None:
        raise tenancy.TenantNotSet("links need a tenant")
    return tenant


async def _store_domains(session: AsyncSession, settings: AnalyticsSettings) -> list[str]:
    """The tenant's store domains (its tracking settings, read once per use case)."""
    tenant = _tenant(session)
    row = await tracking.settings_of(session, tenant, settings.attribution_window_days)
    return list(row.allowed_store_domains)


def _check(url: str, domains: list[str], settings: AnalyticsSettings) -> str:
    """`url` when it may be a destination; DestinationRefused otherwise."""
    return destinations.check(url, domains, settings.public_base_url, settings.extra_store_hosts)


async def _checked(session: AsyncSession, url: str, settings: AnalyticsSettings) -> str:
    return _check(url, await _store_domains(session, settings), settings)


async def follow_store_domains(session: AsyncSession, settings: AnalyticsSettings) -> None:
    """Re-check every link of the tenant against its store domains after they change: a link
    whose host is no longer allowed stops redirecting (404), and answers again if it returns."""
    domains = await _store_domains(session, settings)
    for link in await links_repo.every(session):
        try:
            _check(link.destination, domains, settings)
        except DestinationRefused:
            await _unroute(session, link)
        else:
            await _route(session, link)


async def create(
    session: AsyncSession,
    data: LinkCreate,
    settings: AnalyticsSettings,
    *,
    delivery_id: uuid.UUID | None = None,
) -> Link:
    """A new link, or the tenant's existing one with the same code (idempotent by code)."""
    destination = await _checked(session, data.destination, settings)
    return await _create_checked(session, data, destination, settings, delivery_id=delivery_id)


async def _create_checked(
    session: AsyncSession,
    data: LinkCreate,
    destination: str,
    settings: AnalyticsSettings,
    *,
    delivery_id: uuid.UUID | None = None,
) -> Link:
    """`create` once `destination` (`data.destination` checked) is known to be allowed."""
    code = data.code or new_code()
    existing = await links_repo.by_code(session, code)
    if existing is not None:
        return existing
    if await links_repo.code_owner(session, code) is not None:
        raise CodeTaken(f"code {code} belongs to another tenant")
    link = Link(
        id=uuid.uuid4(),
        code=code,
        destination=destination,
        utm=data.utm,
        delivery_id=delivery_id,
        coupon_code=data.coupon_code,
        expires_at=data.expires_at,
        **data.model_dump(
            include={
                "post_id",
                "channel_id",
                "platform",
                "product_id",
                "producer_id",
                "place_id",
                "campaign_id",
            }
        ),
    )
    session.add(link)
    await session.flush()
    await _route(session, link)
    await announce(session, link, settings)
    return link


async def announce(session: AsyncSession, link: Link, settings: AnalyticsSettings) -> None:
    """Tell the publisher the link answers at its short URL."""
    await outbox.add(
        session,
        LinkCreatedV1(
            link_id=link.id,
            code=link.code,
            short_url=short_url(settings, link.code),
            delivery_id=link.delivery_id,
        ),
    )


async def for_delivery(
    session: AsyncSession,
    data: LinkCreate,
    settings: AnalyticsSettings,
    delivery_id: uuid.UUID | None,
) -> Link:
    """The delivery's link; asked again for an existing code, answer again (idempotent)."""
    assert data.code is not None
    existing = await links_repo.by_code(session, data.code)
    if existing is None:
        return await create(session, data, settings, delivery_id=delivery_id)
    await announce(session, existing, settings)
    return existing


CITY_PAGE_UTM = {"utm_source": "machi", "utm_medium": "city_page"}


async def for_city_page(
    session: AsyncSession,
    settings: AnalyticsSettings,
    *,
    product_id: uuid.UUID,
    producer_id: uuid.UUID,
    store_url: str,
) -> Link | None:
    """The product's buy link for the public pages (no post, no delivery), made when it is first
    published with a store listing and following its listing after; None when the store's host
    is not one of the town's store domains (the page then shows no buy button)."""
    return await _city_page_link(
        session,
        settings,
        await _store_domains(session, settings),
        await links_repo.city_page_link(session, product_id),
        product_id=product_id,
        producer_id=producer_id,
        store_url=store_url,
    )


async def _city_page_link(
    session: AsyncSession,
    settings: AnalyticsSettings,
    domains: list[str],
    link: Link | None,
    *,
    product_id: uuid.UUID,
    producer_id: uuid.UUID,
    store_url: str,
) -> Link | None:
    """`for_city_page` with the store domains and the product's current link (`link`) read."""
    try:
        destination = _check(store_url, domains, settings)
    except DestinationRefused:
        log.info("city page link refused", extra={"product_id": str(product_id)})
        return None
    if link is None:
        data = LinkCreate(
            destination=destination,
            utm=CITY_PAGE_UTM,
            product_id=product_id,
            producer_id=producer_id,
        )
        return await _create_checked(session, data, destination, settings)
    if link.destination != destination:
        link.destination = destination
        await session.flush()
        await _route(session, link)
        await announce(session, link, settings)
    return link


async def make_missing_city_page_links(session: AsyncSession, settings: AnalyticsSettings) -> None:
    """Give every listed product its city page link once the store domains allow it. Catalog's
    and the gateway's events reach analytics in any order, so a product can arrive before the
    town's store domains and be refused at first. One read of the settings and one query of the
    links, whatever the number of products."""
    products = await products_repo.with_store_url(session)
    if not products:
        return
    domains = await _store_domains(session, settings)
    current = await links_repo.city_page_links(session, [p.product_id for p in products])
    for product in products:
        assert product.store_url is not None
        await _city_page_link(
            session,
            settings,
            domains,
            current.get(product.product_id),
            product_id=product.product_id,
            producer_id=product.producer_id,
            store_url=product.store_url,
        )


async def update(
    session: AsyncSession, link_id: uuid.UUID, change: LinkUpdate, settings: AnalyticsSettings
) -> Link:
    """Edit a link; a destination outside the allowed hosts is refused here, at edit time."""
    link = await get(session, link_id)
    values = change.model_dump(exclude_unset=True)
    if values.get("destination") is not None:
        values["destination"] = await _checked(session, values["destination"], settings)
    for name, value in values.items():
        if name == "destination" and value is None:
            continue
        setattr(link, name, value if name != "utm" else (value or {}))
    await session.flush()
    await _route(session, link)
    return link


async def get(
    session: AsyncSession, link_id: uuid.UUID, producer_ids: list[uuid.UUID] | None = None
) -> Link:
    """One link; another producer's is not found for a producer (`producer_ids`)."""
    link = await links_repo.by_id(session, link_id)
    if link is None or (producer_ids is not None and link.producer_id not in producer_ids):
        raise LinkNotFound()
    return link


async def page(
    session: AsyncSession,
    cursor: str | None,
    limit: int,
    post_id: uuid.UUID | None,
    *,
    buy_links_only: bool = False,
    producer_ids: list[uuid.UUID] | None = None,
) -> tuple[list[Link], str | None]:
    return await links_repo.page(
        session, cursor, limit, post_id, buy_links_only=buy_links_only, producer_ids=producer_ids
    )


async def clicks_of(session: AsyncSession, links: list[Link]) -> dict[uuid.UUID, int]:
    """Each link's human clicks so far (0 for a link never clicked)."""
    found = await links_repo.clicks_of(session, [link.id for link in links])
    return {link.id: found.get(link.id, 0) for link in links}
