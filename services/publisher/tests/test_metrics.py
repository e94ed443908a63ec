import uuid
from collections.abc import Callable

import httpx
from prometheus_client import REGISTRY

from kit.auth import InternalPrincipal
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_a_publication_is_counted_with_its_lateness(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    town = await channel(admin)
    draft = await post(admin, [town["id"]], "武雄の春祭り")
    await approved_and_scheduled(admin, editor, draft["id"])
    published = _sample(
        "machi_publisher_delivery_outcomes_total", platform="sandbox", outcome="published"
    )
    timed = _sample("machi_dispatch_lateness_seconds_count", platform="sandbox")
    await make_dispatcher().run_until_idle()
    # At least ours: deliveries other tests left due may be published by the same run.
    assert (
        _sample("machi_publisher_delivery_outcomes_total", platform="sandbox", outcome="published")
        >= published + 1
    )
    assert _sample("machi_dispatch_lateness_seconds_count", platform="sandbox") >= (timed + 1)
    feed = (await admin.get(f"/v1/channels/{town['id']}/feed")).json()["items"]
    assert [p["text"] for p in feed] == ["武雄の春祭り"]
    exposed = (await admin.get("/metrics")).text
    for name in (
        "machi_dispatch_lateness_seconds",
        "machi_deliveries_late",
        "machi_ratelimit_waits_total",
        "machi_publisher_delivery_outcomes_total",
    ):
        assert name in exposed
