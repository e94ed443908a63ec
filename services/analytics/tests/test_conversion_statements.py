"""How many statements a store order costs: each is a round trip that wakes a backend
(issue 15). Counted with SQLAlchemy's `before_cursor_execute` on the service's engine; the
transaction's BEGIN (which carries the tenant) and COMMIT are sent beside it, two more."""

import uuid
from contextlib import AbstractContextManager

import asyncpg
from fastapi import FastAPI

from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from kit.testing.statements import statements_sent

from .test_conversions import Client, clicked, conversions, post_shopify, shopify_order

# A recorded order attributed by click id, the town's webhook secret already known to the
# process: the delivery's dedupe, the attribution read, the conversion with its lines and dirty
# hour, the outbox event with its NOTIFY (15 before issue 15).
MOST_STATEMENTS_PER_ORDER = 4
# A replay: the delivery's dedupe only.
MOST_STATEMENTS_PER_REPLAY = 1


def statements(runtime: ServiceRuntime) -> AbstractContextManager[list[str]]:
    """Every statement the service's engine sends while the block runs."""
    return statements_sent(runtime.db)


async def stored(owner: asyncpg.Connection, tenant: uuid.UUID) -> dict[str, int]:
    """How many rows the tenant has in each table an order writes."""
    tables = ("webhook_events", "conversions", "conversion_lines", "rollup_dirty", "outbox")
    return {
        table: await owner.fetchval(f"SELECT count(*) FROM {table} WHERE tenant_id = $1", tenant)
        for table in tables
    }


async def test_a_recorded_shopify_order_sends_few_statements(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    await post_shopify(as_user, tenant, shopify_order(click_id, order_id=1))
    with statements(runtime) as sent:
        response = await post_shopify(as_user, tenant, shopify_order(click_id, order_id=2))
    assert response.json() == {"result": "recorded"}
    assert len(sent) <= MOST_STATEMENTS_PER_ORDER, "\n---\n".join(sent)
    assert len(await conversions(owner, tenant)) == 2


async def test_a_replayed_shopify_order_is_a_duplicate_and_stores_nothing(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    order = shopify_order(click_id, order_id=3)
    await post_shopify(as_user, tenant, order, event_id="e-1")
    before = await stored(owner, tenant)
    with statements(runtime) as sent:
        replayed = await post_shopify(as_user, tenant, order, event_id="e-1")
    assert replayed.json() == {"result": "duplicate"}
    assert len(sent) <= MOST_STATEMENTS_PER_REPLAY, "\n---\n".join(sent)
    assert await stored(owner, tenant) == before


async def test_a_new_webhook_secret_applies_at_once_in_the_process_that_set_it(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    assert (await post_shopify(as_user, tenant, shopify_order(click_id, order_id=4))).json() == {
        "result": "recorded"
    }
    response = await as_user(principal(tenant)).put(
        "/v1/settings/webhooks/shopify", json={"secret": "a-new-secret-456"}
    )
    assert response.status_code == 204
    signed_with_the_old = await post_shopify(as_user, tenant, shopify_order(click_id, order_id=5))
    assert signed_with_the_old.status_code == 401
    assert len(await conversions(owner, tenant)) == 1
