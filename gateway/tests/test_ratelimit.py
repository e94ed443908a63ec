import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator
from urllib.parse import urlparse

import pytest

from gateway.ratelimit import MAX_MEMORY_BUCKETS, Buckets, MemoryBuckets, RedisBuckets
from kit.errors import type_uri

from .support import EchoService, GatewayFactory, Town, auth_headers, bearer

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_reachable() -> bool:
    parsed = urlparse(TEST_REDIS_URL)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), 2):
            return True
    except OSError:
        return False


def new_redis_buckets() -> RedisBuckets:
    """Buckets in the test Redis under a prefix of their own (skipped without Redis, unless
    CI=true)."""
    if not redis_reachable():
        reason = f"Redis not reachable (TEST_REDIS_URL={TEST_REDIS_URL})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return RedisBuckets(TEST_REDIS_URL, prefix=f"test:{uuid.uuid4().hex}:")


@pytest.fixture
async def redis_buckets() -> AsyncIterator[RedisBuckets]:
    buckets = new_redis_buckets()
    yield buckets
    await buckets.close()


@pytest.fixture(params=["memory", "redis"])
async def buckets(request: pytest.FixtureRequest) -> AsyncIterator[Buckets]:
    """Each test runs against the in-process buckets and against Redis."""
    made: Buckets = MemoryBuckets() if request.param == "memory" else new_redis_buckets()
    yield made
    await made.close()


async def test_a_flood_of_new_keys_never_refills_a_key_in_use() -> None:
    buckets = MemoryBuckets()
    for _ in range(2):
        await buckets.take("hot", 2, 3600)
    for i in range(MAX_MEMORY_BUCKETS + 10):
        await buckets.take(f"flood-{i}", 2, 3600)
        if i % 1000 == 0:
            assert not (await buckets.take("hot", 2, 3600)).allowed, i
    assert not (await buckets.take("hot", 2, 3600)).allowed


async def test_the_least_recently_used_bucket_goes_first() -> None:
    buckets = MemoryBuckets(max_buckets=2)
    for key in ("a", "b"):
        await buckets.take(key, 1, 3600)
    await buckets.take("a", 1, 3600)  # a used again: b is now the oldest
    await buckets.take("c", 1, 3600)
    assert not (await buckets.take("a", 1, 3600)).allowed
    assert (await buckets.take("b", 1, 3600)).allowed  # forgotten, so full again


class TestBuckets:
    async def test_bucket_allows_its_capacity_then_refuses_with_retry_after(
        self, buckets: Buckets
    ) -> None:
        taken = [await buckets.take("k", 3, 60) for _ in range(4)]

        assert [d.allowed for d in taken] == [True, True, True, False]
        assert [d.remaining for d in taken] == [2, 1, 0, 0]
        refused = taken[-1]
        assert 1 <= refused.retry_after <= 20  # one token comes back every 20 s
        assert ("retry-after", str(refused.retry_after)) in refused.headers()
        assert ("ratelimit-policy", '"default";q=3;w=60') in refused.headers()

    async def test_bucket_refills_with_time(self, buckets: Buckets) -> None:
        for _ in range(2):
            await buckets.take("fast", 2, 1)
        assert not (await buckets.take("fast", 2, 1)).allowed

        await asyncio.sleep(0.6)

        assert (await buckets.take("fast", 2, 1)).allowed

    async def test_buckets_are_per_key(self, buckets: Buckets) -> None:
        assert (await buckets.take("a", 1, 60)).allowed
        assert not (await buckets.take("a", 1, 60)).allowed
        assert (await buckets.take("b", 1, 60)).allowed

    async def test_redis_bucket_is_shared_between_gateway_processes(
        self, redis_buckets: RedisBuckets
    ) -> None:
        other_process = RedisBuckets(TEST_REDIS_URL, prefix=redis_buckets.prefix)
        try:
            results = await asyncio.gather(
                *(b.take("shared", 10, 60) for b in [redis_buckets, other_process] * 10)
            )
        finally:
            await other_process.close()

        assert sum(d.allowed for d in results) == 10


class TestGatewayLimits:
    async def test_key_over_its_rate_gets_429_with_retry_after(
        self,
        gateway_with: GatewayFactory,
        services: dict[str, EchoService],
        town: Town,
        operator_email: str,
        buckets: Buckets,
    ) -> None:
        http = await gateway_with({n: s.client() for n, s in services.items()}, buckets=buckets)
        operator = await auth_headers(http, operator_email)
        await http.patch(
            f"/v1/tenants/{town.id}",
            json={"limits": {"api_requests_per_minute": 3}},
            headers=operator,
        )
        created = await http.post(
            "/v1/api-keys",
            json={"name": "sync", "roles": ["editor"]},
            headers=await auth_headers(http, town.admin_email),
        )
        key = bearer(created.json()["key"])

        answers = [await http.get("/v1/products", headers=key) for _ in range(4)]

        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert answers[0].headers["ratelimit-policy"] == '"default";q=3;w=60'
        assert answers[0].headers["ratelimit"].startswith('"default";r=2;t=')
        refused = answers[-1]
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["type"] == type_uri("rate-limited")
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.headers["ratelimit"].startswith('"default";r=0;')

    async def test_each_user_has_a_bucket_of_their_own(
        self,
        gateway_with: GatewayFactory,
        services: dict[str, EchoService],
        town: Town,
        operator_email: str,
    ) -> None:
        http = await gateway_with({n: s.client() for n, s in services.items()})
        operator = await auth_headers(http, operator_email)
        await http.patch(
            f"/v1/tenants/{town.id}",
            json={"limits": {"api_requests_per_minute": 2}},
            headers=operator,
        )
        admin = await auth_headers(http, town.admin_email)
        assert [(await http.get("/v1/me", headers=admin)).status_code for _ in range(3)] == [
            200,
            200,
            429,
        ]
        # The operator (another user) is not slowed down by the admin's bucket.
        assert (await http.get("/v1/me", headers=operator)).status_code == 200
