"""The user lifecycle through the gateway's HTTP API, on a real database: managing a town's
users, sessions, passwords (reset mail through a real SMTP server on loopback), TOTP."""

from __future__ import annotations

import asyncio
import email
import re
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import Message
from typing import Any

import httpx
import pyotp
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from gateway import bootstrap
from gateway.audit.models import AuditEvent
from gateway.models import PasswordReset, User
from gateway.settings import GatewaySettings
from kit.runtime import ServiceRuntime
from kit.testing.waiting import eventually

from .support import PASSWORD, GatewayFactory, Town, auth_headers, bearer, login, unique

NEW_PASSWORD = "a brand new passphrase"


class Inbox:
    """An aiosmtpd handler keeping every message it is handed."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 OK"

    async def wait_for(self, to: str, timeout: float = 5) -> Message:
        async with asyncio.timeout(timeout):
            while True:
                for message in self.messages:
                    if message["To"] == to:
                        return message
                await asyncio.sleep(0.02)

    def sent_to(self, to: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == to]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on loopback."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
async def mailing_http(
    gateway_with: GatewayFactory, gateway_settings: GatewaySettings, smtp: tuple[Inbox, int]
) -> httpx.AsyncClient:
    """A gateway (no upstreams) that sends its mail to the loopback SMTP server."""
    settings = gateway_settings.model_copy(
        update={
            "gateway_smtp_host": "127.0.0.1",
            "gateway_smtp_port": smtp[1],
            "gateway_smtp_starttls": False,
            "gateway_smtp_from": "Machi <no-reply@machi.test>",
        }
    )
    return await gateway_with({}, settings=settings)


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def code_in(message: Message, label: str) -> str:
    found = re.search(rf"{label}: (\S+)", body_of(message))
    assert found is not None, body_of(message)
    return found.group(1)


async def add_user(
    http: httpx.AsyncClient, admin: dict[str, str], slug: str, role: str
) -> tuple[str, str]:
    """A new user of the admin's town: (id, email)."""
    email_ = f"{unique(role)}@{slug}.example"
    made = await http.post(
        "/v1/users", json={"email": email_, "password": PASSWORD, "roles": [role]}, headers=admin
    )
    assert made.status_code == 201, made.text
    return made.json()["id"], email_


async def refresh(http: httpx.AsyncClient, token: str) -> httpx.Response:
    return await http.post("/v1/auth/refresh", json={"refresh_token": token})


def totp_at(secret: str, steps_ahead: int = 0) -> str:
    """The code of `secret` `steps_ahead` 30-second steps from now (within the accepted drift)."""
    return pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30 * steps_ahead))


async def enrol(http: httpx.AsyncClient, headers: dict[str, str]) -> tuple[str, list[str]]:
    """Enrol and confirm TOTP: (secret, recovery codes); the current step's code is spent."""
    enrolled = await http.post("/v1/me/mfa/totp", headers=headers)
    assert enrolled.status_code == 201, enrolled.text
    secret = enrolled.json()["secret"]
    assert enrolled.json()["otpauth_uri"].startswith("otpauth://totp/Machi:")
    confirmed = await http.post(
        "/v1/me/mfa/totp/confirm", json={"code": totp_at(secret)}, headers=headers
    )
    assert confirmed.status_code == 200, confirmed.text
    return secret, confirmed.json()["recovery_codes"]


class TestDeactivation:
    async def test_deactivated_users_tokens_and_keys_are_refused_at_once(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, email_ = await add_user(http, admin, town.slug, "admin")
        tokens = await login(http, email_)
        key = await http.post(
            "/v1/api-keys",
            json={"name": "theirs", "roles": ["analyst"]},
            headers=bearer(tokens["access_token"]),
        )
        assert key.status_code == 201, key.text
        key_headers = {"X-API-Key": key.json()["key"]}
        assert (await http.get("/v1/me", headers=key_headers)).status_code == 200

        deactivated = await http.post(f"/v1/users/{user_id}/deactivate", headers=admin)

        assert deactivated.status_code == 200, deactivated.text
        assert deactivated.json()["status"] == "deactivated"
        # Through this process the bound is 0 s: the very next request with the old access
        # token is refused.
        me = await http.get("/v1/me", headers=bearer(tokens["access_token"]))
        assert me.status_code == 401
        assert me.headers["content-type"].startswith("application/problem+json")
        assert (await refresh(http, tokens["refresh_token"])).status_code == 401
        assert (await http.get("/v1/me", headers=key_headers)).status_code == 401
        relogin = await http.post("/v1/auth/token", json={"email": email_, "password": PASSWORD})
        assert relogin.status_code == 401

    async def test_a_deactivation_through_another_gateway_process_applies_within_its_bound(
        self,
        http: httpx.AsyncClient,
        town: Town,
        gateway_with: GatewayFactory,
        gateway_settings: GatewaySettings,
    ) -> None:
        bound = gateway_settings.model_copy(update={"principal_cache_seconds": 0.5})
        other = await gateway_with({}, settings=bound)  # a second process on the same database
        admin = await auth_headers(http, town.admin_email)
        user_id, email_ = await add_user(http, admin, town.slug, "writer")
        theirs = await auth_headers(http, email_)
        assert (await other.get("/v1/me", headers=theirs)).status_code == 200  # cached there

        assert (await http.post(f"/v1/users/{user_id}/deactivate", headers=admin)).is_success

        async def refused() -> bool:
            return (await other.get("/v1/me", headers=theirs)).status_code == 401

        await eventually(refused, timeout=10, what="the other process refusing the user")

    async def test_reactivated_user_logs_in_again_but_old_keys_stay_revoked(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, email_ = await add_user(http, admin, town.slug, "admin")
        mine = await auth_headers(http, email_)
        key = await http.post(
            "/v1/api-keys", json={"name": "k", "roles": ["analyst"]}, headers=mine
        )
        await http.post(f"/v1/users/{user_id}/deactivate", headers=admin)

        back = await http.post(f"/v1/users/{user_id}/reactivate", headers=admin)

        assert back.status_code == 200, back.text
        assert back.json()["is_active"] is True
        assert (
            await http.get("/v1/me", headers=await auth_headers(http, email_))
        ).status_code == 200
        assert (
            await http.get("/v1/me", headers={"X-API-Key": key.json()["key"]})
        ).status_code == 401

    async def test_admin_cannot_deactivate_themselves(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        me = (await http.get("/v1/me", headers=admin)).json()

        response = await http.post(f"/v1/users/{me['user_id']}/deactivate", headers=admin)

        assert response.status_code == 403


class TestManagingUsers:
    async def test_list_is_paginated_by_cursor_and_holds_only_the_town(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        other = await bootstrap.create_tenant(runtime.db, unique("ureshino"), "Ureshino")
        await bootstrap.create_user(
            runtime.db, other, f"{unique('x')}@u.example", PASSWORD, ["admin"]
        )
        admin = await auth_headers(http, town.admin_email)
        made = {(await add_user(http, admin, town.slug, "writer"))[0] for _ in range(3)}

        first = await http.get("/v1/users", params={"limit": 2}, headers=admin)
        second = await http.get(
            "/v1/users", params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=admin
        )

        assert first.status_code == 200, first.text
        assert first.json()["next_cursor"] is not None
        listed = [u for page in (first, second) for u in page.json()["items"]]
        assert second.json()["next_cursor"] is None
        assert made <= {u["id"] for u in listed}
        assert len(listed) == 4  # three writers and the admin, nobody of the other town
        assert {u["tenant_id"] for u in listed} == {str(town.id)}

    async def test_admin_changes_a_users_roles_and_it_applies_at_once(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, email_ = await add_user(http, admin, town.slug, "writer")
        theirs = await auth_headers(http, email_)

        changed = await http.patch(
            f"/v1/users/{user_id}", json={"roles": ["editor"], "name": "Hanako"}, headers=admin
        )

        assert changed.status_code == 200, changed.text
        assert (changed.json()["roles"], changed.json()["name"]) == (["editor"], "Hanako")
        assert (await http.get("/v1/me", headers=theirs)).json()["roles"] == ["editor"]

    async def test_role_change_by_a_non_admin_is_403(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, _ = await add_user(http, admin, town.slug, "writer")
        _, editor_email = await add_user(http, admin, town.slug, "editor")

        response = await http.patch(
            f"/v1/users/{user_id}",
            json={"roles": ["admin"]},
            headers=await auth_headers(http, editor_email),
        )

        assert response.status_code == 403
        assert response.headers["content-type"].startswith("application/problem+json")

    async def test_a_key_without_the_star_scope_cannot_change_roles(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, _ = await add_user(http, admin, town.slug, "writer")
        key = await http.post(
            "/v1/api-keys",
            json={"name": "ops", "roles": ["admin"], "scopes": ["gateway:write"]},
            headers=admin,
        )

        response = await http.patch(
            f"/v1/users/{user_id}",
            json={"roles": ["admin"]},
            headers={"X-API-Key": key.json()["key"]},
        )

        assert response.status_code == 403

    async def test_another_towns_user_is_404(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, _ = await add_user(http, admin, town.slug, "writer")
        slug = unique("ureshino")
        other = await bootstrap.create_tenant(runtime.db, slug, "Ureshino")
        outsider_email = f"admin@{slug}.example"
        await bootstrap.create_user(runtime.db, other, outsider_email, PASSWORD, ["admin"])
        outsider = await auth_headers(http, outsider_email)

        answers = [
            await http.get(f"/v1/users/{user_id}", headers=outsider),
            await http.patch(f"/v1/users/{user_id}", json={"name": "x"}, headers=outsider),
            await http.post(f"/v1/users/{user_id}/deactivate", headers=outsider),
            await http.delete(f"/v1/users/{user_id}", headers=outsider),
        ]

        assert [a.status_code for a in answers] == [404, 404, 404, 404]
        assert (await http.get(f"/v1/users/{user_id}", headers=admin)).json()["is_active"]

    async def test_deleted_user_stays_as_an_anonymised_ex_user(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, email_ = await add_user(http, admin, town.slug, "writer")
        tokens = await login(http, email_)

        deleted = await http.delete(f"/v1/users/{user_id}", headers=admin)

        assert deleted.status_code == 204, deleted.text
        shown = (await http.get(f"/v1/users/{user_id}", headers=admin)).json()
        assert (shown["status"], shown["name"], shown["roles"]) == ("deleted", "ex-user", [])
        assert email_ not in shown["email"]
        assert (await http.get("/v1/me", headers=bearer(tokens["access_token"]))).status_code == 401
        relogin = await http.post("/v1/auth/token", json={"email": email_, "password": PASSWORD})
        assert relogin.status_code == 401
        back = await http.post(f"/v1/users/{user_id}/reactivate", headers=admin)
        assert back.status_code == 409
        assert back.json()["type"].endswith("#user-deleted")
        async with runtime.db.transaction() as session:
            # Rows naming the user (here its audit trail) still point at a row that exists.
            actions = (
                await session.execute(
                    select(AuditEvent.action).where(AuditEvent.target == f"user:{user_id}")
                )
            ).scalars()
            assert {"user.created", "user.deleted"} <= set(actions)
            assert await session.get(User, uuid.UUID(user_id)) is not None


class TestSessions:
    async def test_logout_ends_only_this_login(self, http: httpx.AsyncClient, town: Town) -> None:
        here = await login(http, town.admin_email)
        there = await login(http, town.admin_email)

        out = await http.post("/v1/auth/logout", json={"refresh_token": here["refresh_token"]})

        assert out.status_code == 204
        assert (await refresh(http, here["refresh_token"])).status_code == 401
        assert (await refresh(http, there["refresh_token"])).status_code == 200

    async def test_logout_everywhere_ends_every_login(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        here = await login(http, town.admin_email)
        there = await login(http, town.admin_email)

        out = await http.post("/v1/auth/logout-all", headers=bearer(here["access_token"]))

        assert out.status_code == 204
        assert (await refresh(http, here["refresh_token"])).status_code == 401
        assert (await refresh(http, there["refresh_token"])).status_code == 401

    async def test_password_change_needs_the_current_one_and_ends_other_logins(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        tokens = await login(http, town.admin_email)
        headers = bearer(tokens["access_token"])

        wrong = await http.post(
            "/v1/me/password",
            json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
            headers=headers,
        )
        right = await http.post(
            "/v1/me/password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers=headers,
        )

        assert wrong.status_code == 400
        assert right.status_code == 204, right.text
        assert (await refresh(http, tokens["refresh_token"])).status_code == 401
        await login(http, town.admin_email, NEW_PASSWORD)


class TestPasswordReset:
    async def test_reset_mail_arrives_and_its_token_works_once(
        self,
        mailing_http: httpx.AsyncClient,
        smtp: tuple[Inbox, int],
        town: Town,
        runtime: ServiceRuntime,
    ) -> None:
        inbox, _ = smtp
        old = await login(mailing_http, town.admin_email)

        asked = await mailing_http.post("/v1/auth/password-reset", json={"email": town.admin_email})

        assert asked.status_code == 202
        message = await inbox.wait_for(town.admin_email)
        assert message["From"] == "Machi <no-reply@machi.test>"
        token = code_in(message, "Reset code")
        page = f"http://localhost:8000/console/password-reset/confirm?code={token}"
        assert page in body_of(message)  # the console's page spends it (GATEWAY_CONSOLE_URL)
        async with runtime.db.transaction() as session:
            stored = (await session.execute(select(PasswordReset.token_hash))).scalars().all()
            assert token not in stored  # only its hash is kept
        confirm = {"token": token, "new_password": NEW_PASSWORD}
        first = await mailing_http.post("/v1/auth/password-reset/confirm", json=confirm)
        again = await mailing_http.post(
            "/v1/auth/password-reset/confirm", json={**confirm, "new_password": "yet another one"}
        )
        assert first.status_code == 204, first.text
        assert again.status_code == 400
        assert again.json()["type"].endswith("#invalid-reset-token")
        await login(mailing_http, town.admin_email, NEW_PASSWORD)
        assert (await refresh(mailing_http, old["refresh_token"])).status_code == 401

    async def test_unknown_email_gets_the_same_answer_and_no_mail(
        self, mailing_http: httpx.AsyncClient, smtp: tuple[Inbox, int]
    ) -> None:
        nobody = f"{unique('nobody')}@nowhere.example"

        asked = await mailing_http.post("/v1/auth/password-reset", json={"email": nobody})

        assert (asked.status_code, asked.content) == (202, b"")
        await asyncio.sleep(0.2)
        assert smtp[0].sent_to(nobody) == []

    async def test_invitation_is_mailed_to_the_invitee(
        self, mailing_http: httpx.AsyncClient, smtp: tuple[Inbox, int], town: Town
    ) -> None:
        invitee = f"{unique('new')}@{town.slug}.example"
        admin = await auth_headers(mailing_http, town.admin_email)

        made = await mailing_http.post(
            "/v1/invitations", json={"email": invitee, "roles": ["writer"]}, headers=admin
        )

        assert made.status_code == 201, made.text
        message = await smtp[0].wait_for(invitee)
        token = code_in(message, "Invitation code")
        assert f"http://localhost:8000/console/invitation?code={token}" in body_of(message)
        accepted = await mailing_http.post(
            f"/v1/invitations/{token}/accept", json={"password": PASSWORD}
        )
        assert accepted.status_code == 201, accepted.text


class TestMe:
    async def test_a_user_saves_the_consoles_language_and_reads_it_back(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        headers = await auth_headers(http, town.admin_email)
        assert (await http.get("/v1/me", headers=headers)).json()["language"] is None

        saved = await http.patch("/v1/me", json={"language": "ko"}, headers=headers)

        assert saved.status_code == 200, saved.text
        assert saved.json()["language"] == "ko"
        assert (await http.get("/v1/me", headers=headers)).json()["language"] == "ko"
        cleared = await http.patch("/v1/me", json={"language": None}, headers=headers)
        assert cleared.json()["language"] is None

    async def test_an_unknown_language_or_field_is_refused(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        headers = await auth_headers(http, town.admin_email)
        for body in ({"language": "fr"}, {"roles": ["operator"]}):
            refused = await http.patch("/v1/me", json=body, headers=headers)
            assert refused.status_code == 422, refused.text
            assert refused.headers["content-type"] == "application/problem+json"
        me = (await http.get("/v1/me", headers=headers)).json()
        assert (me["language"], me["roles"]) == (None, ["admin"])

    async def test_me_says_whether_the_user_has_a_second_factor(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        headers = await auth_headers(http, town.admin_email)
        assert (await http.get("/v1/me", headers=headers)).json()["mfa_enabled"] is False
        await enrol(http, headers)
        assert (await http.get("/v1/me", headers=headers)).json()["mfa_enabled"] is True

    async def test_an_api_key_has_no_language_to_save(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        made = await http.post(
            "/v1/api-keys",
            json={"name": "bot", "roles": ["writer"], "scopes": ["*"]},
            headers=admin,
        )
        assert made.status_code == 201, made.text
        key = {"Authorization": f"Bearer {made.json()['key']}"}

        refused = await http.patch("/v1/me", json={"language": "ja"}, headers=key)

        assert refused.status_code == 400
        assert refused.json()["type"].endswith("#not-a-user")
        assert (await http.get("/v1/me", headers=key)).json()["mfa_enabled"] is False


class TestTotp:
    async def test_login_needs_the_code_once_enrolled_and_a_code_works_once(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        secret, _ = await enrol(http, await auth_headers(http, town.admin_email))
        credentials = {"email": town.admin_email, "password": PASSWORD}

        without = await http.post("/v1/auth/token", json=credentials)
        code = totp_at(secret, 1)
        with_code = await http.post("/v1/auth/token", json={**credentials, "totp_code": code})
        replayed = await http.post("/v1/auth/token", json={**credentials, "totp_code": code})

        assert without.status_code == 401
        assert without.json()["type"].endswith("#mfa-required")
        assert with_code.status_code == 200, with_code.text
        assert replayed.status_code == 401
        assert replayed.json()["type"].endswith("#invalid-mfa-code")
        async with runtime.db.transaction() as session:
            user = await session.get(User, await _user_id(http, with_code.json()))
            assert user is not None
            assert user.totp_secret is not None
            assert secret not in user.totp_secret  # sealed with GATEWAY_SECRET_KEYS

    async def test_a_recovery_code_logs_in_once(self, http: httpx.AsyncClient, town: Town) -> None:
        _, codes = await enrol(http, await auth_headers(http, town.admin_email))
        body = {"email": town.admin_email, "password": PASSWORD, "totp_code": codes[0]}

        first = await http.post("/v1/auth/token", json=body)
        second = await http.post("/v1/auth/token", json=body)

        assert len(codes) == 8
        assert first.status_code == 200, first.text
        assert second.status_code == 401

    async def test_disabling_needs_a_code_or_the_password(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        headers = await auth_headers(http, town.admin_email)
        await enrol(http, headers)

        refused = await http.post(
            "/v1/me/mfa/totp/disable", json={"password": "wrong guess!"}, headers=headers
        )
        done = await http.post(
            "/v1/me/mfa/totp/disable", json={"password": PASSWORD}, headers=headers
        )

        assert refused.status_code == 400
        assert refused.json()["type"].endswith("#wrong-password")
        assert done.status_code == 204, done.text
        await login(http, town.admin_email)

    async def test_town_mandate_blocks_an_admin_login_without_the_code(
        self, http: httpx.AsyncClient, town: Town, operator_email: str
    ) -> None:
        operator = await auth_headers(http, operator_email)
        mandated = await http.patch(
            f"/v1/tenants/{town.id}", json={"mfa_required": True}, headers=operator
        )
        assert mandated.status_code == 200, mandated.text
        assert mandated.json()["mfa_required"] is True

        # Not enrolled yet: the login reaches only the enrolment routes.
        first = await login(http, town.admin_email)
        assert first["mfa_enrolment_required"] is True
        headers = bearer(first["access_token"])
        blocked = await http.get("/v1/users", headers=headers)
        assert blocked.status_code == 403
        assert blocked.json()["type"].endswith("#mfa-enrolment-required")
        secret, _ = await enrol(http, headers)
        refused = await http.post(
            "/v1/me/mfa/totp/disable", json={"password": PASSWORD}, headers=headers
        )
        assert refused.status_code == 409

        without = await http.post(
            "/v1/auth/token", json={"email": town.admin_email, "password": PASSWORD}
        )
        with_code = await http.post(
            "/v1/auth/token",
            json={"email": town.admin_email, "password": PASSWORD, "totp_code": totp_at(secret, 1)},
        )

        assert without.status_code == 401
        assert without.json()["type"].endswith("#mfa-required")
        assert with_code.status_code == 200
        assert with_code.json()["mfa_enrolment_required"] is False
        listed = await http.get("/v1/users", headers=bearer(with_code.json()["access_token"]))
        assert listed.status_code == 200

    async def test_town_admin_requires_a_second_factor_and_it_is_audited(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        _, editor_email = await add_user(http, admin, town.slug, "editor")
        assert (await http.get("/v1/settings/security", headers=admin)).json() == {
            "mfa_required": False
        }
        on = {"mfa_required": True}
        # An admin without a second factor would lock themselves out: enrol first.
        unenrolled = await http.put("/v1/settings/security", json=on, headers=admin)
        assert unenrolled.status_code == 409
        assert unenrolled.json()["type"].endswith("#mfa-state")
        await enrol(http, admin)

        changed = await http.put("/v1/settings/security", json=on, headers=admin)

        assert changed.status_code == 200, changed.text
        assert (await http.get("/v1/settings/security", headers=admin)).json() == {
            "mfa_required": True
        }
        editor = await login(http, editor_email)
        assert editor["mfa_enrolment_required"] is True
        audit = await http.get("/v1/audit", params={"action": "settings.security"}, headers=admin)
        [record] = audit.json()["items"]
        assert (record["before"], record["after"]) == (
            {"mfa_required": False},
            {"mfa_required": True},
        )

    async def test_a_key_or_a_writer_cannot_change_the_security_settings(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        key = await http.post(
            "/v1/api-keys", json={"name": "k", "roles": ["admin"], "scopes": ["*"]}, headers=admin
        )
        _, writer_email = await add_user(http, admin, town.slug, "writer")
        writer = await auth_headers(http, writer_email)
        off = {"mfa_required": False}

        by_key = await http.put(
            "/v1/settings/security", json=off, headers={"X-API-Key": key.json()["key"]}
        )
        by_writer = await http.put("/v1/settings/security", json=off, headers=writer)

        assert key.status_code == 201, key.text
        assert by_key.status_code == 403
        assert by_writer.status_code == 403

    async def test_admin_removes_a_lost_second_factor(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, email_ = await add_user(http, admin, town.slug, "writer")
        await enrol(http, await auth_headers(http, email_))
        body = {"email": email_, "password": PASSWORD}
        assert (await http.post("/v1/auth/token", json=body)).status_code == 401

        reset = await http.delete(f"/v1/users/{user_id}/mfa/totp", headers=admin)

        assert reset.status_code == 204, reset.text
        assert (await http.post("/v1/auth/token", json=body)).status_code == 200
        shown = await http.get(f"/v1/users/{user_id}", headers=admin)
        assert shown.json()["mfa_enabled"] is False

    async def test_a_key_has_no_second_factor(self, http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(http, town.admin_email)
        key = await http.post("/v1/api-keys", json={"name": "k", "roles": ["admin"]}, headers=admin)

        response = await http.post("/v1/me/mfa/totp", headers={"X-API-Key": key.json()["key"]})

        assert response.status_code == 400
        assert response.json()["type"].endswith("#not-a-user")


async def _user_id(http: httpx.AsyncClient, tokens: dict[str, Any]) -> uuid.UUID:
    me = await http.get("/v1/me", headers=bearer(tokens["access_token"]))
    return uuid.UUID(me.json()["user_id"])
