"""Fallback language per tenant, kept from the gateway's tenant events."""

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from catalog.handlers import SUBSCRIPTIONS, on_tenant_created, on_tenant_updated
from catalog.tenants import repository
from catalog.tenants import service as tenants
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.events.bus import Delivery, Message
from kit.events.envelope import Envelope
from kit.events.rabbitmq import RabbitBus
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
UNTRANSLATED = {"ko": "숙성 흑마늘", "en": "Aged black garlic"}  # no Japanese text


def profile(locales: list[str], fallback: str | None = None) -> TenantCreatedV1:
    return TenantCreatedV1(
        slug=f"town-{uuid.uuid4().hex[:6]}",
        name={"ja": "町"},
        timezone="Asia/Tokyo",
        locales=locales,
        fallback_locale=fallback,
    )


async def garlic_name(http: httpx.AsyncClient, **headers: str) -> tuple[str, str]:
    listed = (await http.get("/v1/products", headers=headers)).json()["items"]
    return listed[0]["lang"], listed[0]["display_name"]


async def tenant_with_garlic(as_user: Client) -> tuple[uuid.UUID, httpx.AsyncClient]:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    await make_product(http, producer["id"], name=UNTRANSLATED)
    return tenant, http


async def test_two_tenants_fall_back_to_their_own_language(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    korean_town, korean = await tenant_with_garlic(as_user)
    english_town, english = await tenant_with_garlic(as_user)
    await consumer.handle(
        on_tenant_created, runtime.db, delivery(profile(["ja", "ko"], "ko"), korean_town)
    )
    await consumer.handle(
        on_tenant_created, runtime.db, delivery(profile(["ja", "en"], "en"), english_town)
    )
    # A Japanese reader: the product has no Japanese text, so each town's fallback decides.
    assert await garlic_name(korean, **{"Accept-Language": "ja"}) == ("ko", "숙성 흑마늘")
    assert await garlic_name(english, **{"Accept-Language": "ja"}) == ("en", "Aged black garlic")
    # What the caller asks for and exists still wins over the fallback.
    assert await garlic_name(korean, **{"Accept-Language": "en"}) == ("en", "Aged black garlic")


async def test_without_a_fallback_the_first_locale_then_the_others_are_used(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant, http = await tenant_with_garlic(as_user)
    await consumer.handle(on_tenant_created, runtime.db, delivery(profile(["ja", "en"]), tenant))
    # fallback: ja (first locale), which is missing; then en, the tenant's next language.
    assert await garlic_name(http, **{"Accept-Language": "fr"}) == ("en", "Aged black garlic")


async def test_an_update_changes_the_fallback_and_a_late_older_event_does_not(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant, http = await tenant_with_garlic(as_user)
    now = datetime.now(UTC)
    updated: Envelope[TenantUpdatedV1] = Envelope(
        type=TenantUpdatedV1.event_type,
        source="gateway",
        tenant_id=tenant,
        occurred_at=now,
        payload=TenantUpdatedV1(**profile(["ja", "ko", "en"], "en").model_dump()),
    )
    stale: Envelope[TenantCreatedV1] = Envelope(
        type=TenantCreatedV1.event_type,
        source="gateway",
        tenant_id=tenant,
        occurred_at=now - timedelta(minutes=5),
        payload=profile(["ja", "ko"], "ko"),
    )
    for sub, envelope in ((on_tenant_updated, updated), (on_tenant_created, stale)):
        body = envelope.model_dump_json().encode()
        await consumer.handle(sub, runtime.db, Delivery(str(envelope.id), envelope.type, body, 1))
    assert await garlic_name(http) == ("en", "Aged black garlic")


async def test_tenant_events_arrive_through_rabbitmq(
    as_user: Client, runtime: ServiceRuntime, rabbit_bus: RabbitBus
) -> None:
    tenant, http = await tenant_with_garlic(as_user)
    await consumer.start(SUBSCRIPTIONS, runtime.db, rabbit_bus)
    envelope: Envelope[TenantCreatedV1] = Envelope(
        type=TenantCreatedV1.event_type,
        source="gateway",
        tenant_id=tenant,
        payload=profile(["ja", "ko"], "ko"),
    )
    await rabbit_bus.publish(
        Message(str(envelope.id), envelope.type, envelope.model_dump_json().encode())
    )
    for _ in range(100):
        if (await garlic_name(http, **{"Accept-Language": "ja"}))[0] == "ko":
            break
        await asyncio.sleep(0.05)
    assert await garlic_name(http, **{"Accept-Language": "ja"}) == ("ko", "숙성 흑마늘")


async def test_a_tenant_without_settings_uses_the_service_default(as_user: Client) -> None:
    _, http = await tenant_with_garlic(as_user)
    # CATALOG_FALLBACK_LANGUAGE is ja, which is missing: whatever text exists is shown.
    assert (await garlic_name(http, **{"Accept-Language": "fr"}))[1] in UNTRANSLATED.values()


async def test_a_profile_another_process_stored_shows_within_the_kept_time(
    as_user: Client, runtime: ServiceRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each process keeps a tenant's languages a few seconds; the process that handles the
    event forgets them at once (above), another one when its copy expires."""
    monkeypatch.setattr(tenants.KEPT, "seconds", 0.3)
    tenant, http = await tenant_with_garlic(as_user)
    await consumer.handle(on_tenant_created, runtime.db, delivery(profile(["ko"], "ko"), tenant))
    assert await garlic_name(http, **{"Accept-Language": "fr"}) == ("ko", "숙성 흑마늘")
    async with runtime.db.transaction(tenant) as session:  # as another process's handler
        await repository.upsert(
            session,
            tenant,
            locales=["ja", "en"],
            fallback_locale="en",
            timezone=None,
            profile_at=datetime.now(UTC),
        )

    deadline = asyncio.get_running_loop().time() + 3
    while await garlic_name(http, **{"Accept-Language": "fr"}) != ("en", "Aged black garlic"):
        assert asyncio.get_running_loop().time() < deadline, "the kept languages never expired"
        await asyncio.sleep(0.05)
