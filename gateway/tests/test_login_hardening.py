"""Logins and invitation acceptances under load and attack: small bodies, buckets taken before
the body is read, a cap on concurrent password checks, refusals that do not tell whether an
email exists, and buckets that let one address onboard many towns."""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from pydantic import ValidationError
from sqlalchemy import text

from gateway import bootstrap
from gateway.ratelimit import MemoryBuckets
from gateway.settings import GatewaySettings
from kit.errors import type_uri
from kit.runtime import ServiceRuntime

from .support import PASSWORD, EchoService, GatewayFactory, Town, app_of, auth_headers, unique

TOKEN = "/v1/auth/token"
OPEN = {  # buckets out of the way, for tests of something else
    "login_ip_per_minute": 100_000,
    "login_account_per_minute": 100_000,
    "login_ip_account_per_minute": 100_000,
}


def from_address(http: httpx.AsyncClient, host: str) -> httpx.AsyncClient:
    """A client of the same gateway app whose requests come from `host`."""
    transport = httpx.ASGITransport(app=app_of(http), client=(host, 40_000))
    return httpx.AsyncClient(transport=transport, base_url=str(http.base_url))


def unknown_email() -> str:
    return f"{uuid.uuid4().hex}@nowhere.example"


async def gather_limited(calls: Sequence[Callable[[], Awaitable[Any]]], at_once: int) -> list[Any]:
    """Run `calls` with at most `at_once` in flight; their results in order."""
    gate = asyncio.Semaphore(at_once)

    async def run(call: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await call()

    return await asyncio.gather(*(run(c) for c in calls))


def comparable(response: httpx.Response) -> tuple[int, dict[str, Any], list[str]]:
    """What a client can tell about a refusal: status, body and header names (values of ids,
    dates and bucket counters vary by request)."""
    body = {k: v for k, v in response.json().items() if k != "request_id"}
    return response.status_code, body, sorted(response.headers.keys())


class TestLoginBody:
    async def test_a_login_body_over_a_few_kilobytes_is_refused_with_413(
        self, http: httpx.AsyncClient
    ) -> None:
        big = {"email": unknown_email(), "password": "x" * 1000, "padding": "y" * 9000}

        response = await http.post(TOKEN, json=big)

        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == type_uri("payload-too-large")

    async def test_an_invitation_acceptance_body_over_a_few_kilobytes_is_refused_with_413(
        self, http: httpx.AsyncClient
    ) -> None:
        response = await http.post(
            "/v1/invitations/some-token/accept", json={"password": "p" * 20_000}
        )
        assert response.status_code == 413

    async def test_the_address_bucket_is_taken_before_the_body_is_parsed(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings
    ) -> None:
        settings = gateway_settings.model_copy(update={"login_ip_per_minute": 1})
        http = await gateway_with({}, settings=settings)
        garbage = {"content": b"{not json", "headers": {"content-type": "application/json"}}

        first = await http.post(TOKEN, **garbage)  # type: ignore[arg-type]
        second = await http.post(TOKEN, **garbage)  # type: ignore[arg-type]

        assert (first.status_code, second.status_code) == (422, 429)
        assert second.json()["type"] == type_uri("login-throttled")
        assert "retry-after" in second.headers


class TestPasswordCheckCap:
    async def test_checks_beyond_the_cap_get_503_with_retry_after(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings
    ) -> None:
        settings = gateway_settings.model_copy(
            update={**OPEN, "login_max_concurrent_hashes": 1, "login_hash_wait_seconds": 0.01}
        )
        http = await gateway_with({}, settings=settings)

        answers = await asyncio.gather(
            *(http.post(TOKEN, json={"email": unknown_email(), "password": "p"}) for _ in range(8))
        )

        statuses = sorted(a.status_code for a in answers)
        assert set(statuses) == {401, 503}, statuses
        busy = next(a for a in answers if a.status_code == 503)
        assert busy.json()["type"] == type_uri("login-busy")
        assert busy.headers["retry-after"] == "1"

    async def test_checks_over_the_cap_wait_for_a_free_slot(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings
    ) -> None:
        settings = gateway_settings.model_copy(
            update={**OPEN, "login_max_concurrent_hashes": 1, "login_hash_wait_seconds": 60}
        )
        http = await gateway_with({}, settings=settings)

        answers = await asyncio.gather(
            *(http.post(TOKEN, json={"email": unknown_email(), "password": "p"}) for _ in range(6))
        )

        assert [a.status_code for a in answers] == [401] * 6


class TestRefusalsTellNothing:
    async def test_locked_unknown_and_wrong_password_get_the_same_answer(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings, town: Town
    ) -> None:
        settings = gateway_settings.model_copy(update={**OPEN, "login_max_failures": 2})
        http = await gateway_with({}, settings=settings)
        locked = {"email": town.admin_email, "password": "wrong password"}
        for _ in range(2):
            await http.post(TOKEN, json=locked)

        with_right_password = await http.post(
            TOKEN, json={"email": town.admin_email, "password": PASSWORD}
        )
        unknown = await http.post(TOKEN, json={"email": unknown_email(), "password": PASSWORD})
        wrong = await http.post(TOKEN, json=locked)

        assert with_right_password.status_code == 401
        assert comparable(with_right_password) == comparable(unknown) == comparable(wrong)

    async def test_a_locked_account_costs_a_password_check_like_the_others(
        self,
        gateway_with: GatewayFactory,
        gateway_settings: GatewaySettings,
        town: Town,
        runtime: ServiceRuntime,
    ) -> None:
        settings = gateway_settings.model_copy(update={**OPEN, "login_max_failures": 1000})
        http = await gateway_with({}, settings=settings)
        other = f"{unique('other')}@x.example"
        await bootstrap.create_user(runtime.db, town.id, other, PASSWORD, ["writer"])
        async with runtime.db.transaction() as session:
            await session.execute(
                text("UPDATE users SET locked_until = now() + interval '1 hour' WHERE email = :e"),
                {"e": town.admin_email},
            )
        kinds = {
            "locked": {"email": town.admin_email, "password": PASSWORD},
            "unknown": {"email": unknown_email(), "password": PASSWORD},
            "wrong": {"email": other, "password": "wrong password"},
        }
        seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(7):  # interleaved, so machine load touches every kind alike
            for kind, body in kinds.items():
                started = time.perf_counter()
                assert (await http.post(TOKEN, json=body)).status_code == 401
                seconds[kind].append(time.perf_counter() - started)

        medians = {kind: statistics.median(s) for kind, s in seconds.items()}
        # A skipped argon2 check answers in a few ms, a check takes tens: far below half.
        assert medians["locked"] > 0.5 * medians["wrong"], medians
        assert medians["unknown"] > 0.5 * medians["wrong"], medians


class TestBuckets:
    async def test_sixty_towns_accept_and_log_in_from_one_address_within_a_minute(
        self,
        gateway_with: GatewayFactory,
        services: dict[str, EchoService],
        runtime: ServiceRuntime,
        operator_email: str,
    ) -> None:
        # The buckets' clock stands still: all 120 requests fall in one instant, so none is let
        # through by a refill, however long a loaded machine takes to send them.
        stopped = MemoryBuckets(clock=lambda: 0.0)
        http = await gateway_with({n: s.client() for n, s in services.items()}, buckets=stopped)
        operator = await auth_headers(http, operator_email)
        towns = [
            await bootstrap.create_tenant(runtime.db, unique("town"), {"en": "Town"})
            for _ in range(60)
        ]
        emails = [f"admin-{unique('a')}@town.example" for _ in towns]
        invitations = [
            (
                await http.post(
                    "/v1/invitations",
                    json={"email": email, "roles": ["admin"], "tenant_id": str(tenant)},
                    headers=operator,
                )
            ).json()
            for tenant, email in zip(towns, emails, strict=True)
        ]
        accepted = await gather_limited(
            [
                lambda i=i: http.post(i["accept_path"], json={"password": PASSWORD})
                for i in invitations
            ],
            at_once=4,
        )
        logged_in = await gather_limited(
            [lambda e=e: http.post(TOKEN, json={"email": e, "password": PASSWORD}) for e in emails],
            at_once=4,
        )

        assert [a.status_code for a in accepted] == [201] * 60, accepted[-1].text
        assert [r.status_code for r in logged_in] == [200] * 60, logged_in[-1].text

    async def test_six_wrong_passwords_lock_the_account_from_every_address(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        wrong = {"email": town.admin_email, "password": "wrong password"}
        failures = [await http.post(TOKEN, json=wrong) for _ in range(6)]
        right = {"email": town.admin_email, "password": PASSWORD}

        async with from_address(http, "198.51.100.7") as elsewhere:
            from_elsewhere = await elsewhere.post(TOKEN, json=right)
        from_here = await http.post(TOKEN, json=right)

        assert [f.status_code for f in failures] == [401] * 6
        assert (from_here.status_code, from_elsewhere.status_code) == (401, 401)
        async with runtime.db.transaction() as session:
            still_locked = (
                await session.execute(
                    text("SELECT locked_until > now() FROM users WHERE email = :e"),
                    {"e": town.admin_email},
                )
            ).scalar_one()
        assert still_locked is True

    async def test_one_account_is_throttled_across_addresses(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings
    ) -> None:
        settings = gateway_settings.model_copy(update={"login_account_per_minute": 2})
        http = await gateway_with({}, settings=settings)
        body = {"email": unknown_email(), "password": "whatever1"}
        answers = []
        for host in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
            async with from_address(http, host) as client:
                answers.append(await client.post(TOKEN, json=body))
        other_account = await http.post(TOKEN, json={**body, "email": unknown_email()})

        assert [a.status_code for a in answers] == [401, 401, 429]
        assert answers[-1].json()["type"] == type_uri("login-throttled")
        assert other_account.status_code == 401

    async def test_one_account_from_one_address_is_throttled(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings
    ) -> None:
        settings = gateway_settings.model_copy(update={"login_ip_account_per_minute": 2})
        http = await gateway_with({}, settings=settings)
        body = {"email": unknown_email(), "password": "whatever1"}

        answers = [await http.post(TOKEN, json=body) for _ in range(3)]
        async with from_address(http, "192.0.2.9") as elsewhere:
            from_elsewhere = await elsewhere.post(TOKEN, json=body)

        assert [a.status_code for a in answers] == [401, 401, 429]
        assert from_elsewhere.status_code == 401

    async def test_bad_invitation_tokens_are_throttled_but_a_valid_one_still_works(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings, town: Town
    ) -> None:
        settings = gateway_settings.model_copy(update={"invitation_misses_per_minute": 2})
        http = await gateway_with({}, settings=settings)
        admin = await auth_headers(http, town.admin_email)
        invitation = (
            await http.post(
                "/v1/invitations",
                json={"email": f"w@{town.slug}.example", "roles": ["writer"]},
                headers=admin,
            )
        ).json()

        misses = [
            await http.post(
                f"/v1/invitations/{uuid.uuid4().hex}/accept", json={"password": PASSWORD}
            )
            for _ in range(3)
        ]
        accepted = await http.post(invitation["accept_path"], json={"password": PASSWORD})

        assert [m.status_code for m in misses] == [404, 404, 429]
        assert misses[-1].json()["type"] == type_uri("login-throttled")
        assert accepted.status_code == 201, accepted.text


class TestPasswordCost:
    def test_the_default_cost_is_rfc_9106s_and_owasps_minimum_is_the_floor(self) -> None:
        fields = GatewaySettings.model_fields
        defaults = {name: fields[f"login_hash_{name}"].default for name in COSTS}
        assert defaults == {"memory_mib": 64, "passes": 3, "lanes": 4}
        for name, below in {"memory_mib": 18, "passes": 1, "lanes": 0}.items():
            with pytest.raises(ValidationError):
                GatewaySettings(_env_file=None, **{f"login_hash_{name}": below})

    async def test_a_login_remakes_a_hash_of_another_cost_with_the_configured_one(
        self,
        gateway_with: GatewayFactory,
        gateway_settings: GatewaySettings,
        runtime: ServiceRuntime,
        town: Town,
    ) -> None:
        costly = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)
        await stored_hash(runtime, town.admin_email, costly.hash(PASSWORD))
        settings = gateway_settings.model_copy(
            update={"login_hash_memory_mib": 20, "login_hash_passes": 2, "login_hash_lanes": 1}
        )
        http = await gateway_with({}, settings=settings)

        first = await http.post(TOKEN, json={"email": town.admin_email, "password": PASSWORD})
        remade = await stored_hash(runtime, town.admin_email)
        again = await http.post(TOKEN, json={"email": town.admin_email, "password": PASSWORD})

        assert (first.status_code, again.status_code) == (200, 200)
        assert remade.startswith("$argon2id$v=19$m=20480,t=2,p=1$"), remade
        assert await stored_hash(runtime, town.admin_email) == remade  # made once, then kept


COSTS = ("memory_mib", "passes", "lanes")


async def stored_hash(runtime: ServiceRuntime, email: str, replace: str | None = None) -> str:
    """The user's stored password hash (after setting it to `replace`, if given)."""
    async with runtime.db.transaction() as session:
        if replace is not None:
            await session.execute(
                text("UPDATE users SET password_hash = :h WHERE email = :e"),
                {"h": replace, "e": email},
            )
        found = await session.scalar(
            text("SELECT password_hash FROM users WHERE email = :e"), {"e": email}
        )
    assert isinstance(found, str)
    return found
