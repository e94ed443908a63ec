"""A channel that needs re-authorization tells the town's admins and its owner: a notice in the
console (`/v1/notifications`) and a mail through a real SMTP server on loopback, once."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx

from contracts.publisher import ChannelNeedsReauthV1
from gateway.mail import Mailer, SmtpRelay
from gateway.notifications.handlers import on_channel_needs_reauth
from gateway.notifications.jobs import NotificationMailer, mail_job
from kit.events import consumer
from kit.jobs import run_all
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery
from kit.testing.waiting import eventually

from .support import Town, auth_headers
from .test_user_lifecycle import Inbox, add_user, body_of, smtp

__all__ = ["smtp"]  # the loopback SMTP server fixture

NOTICES = "/v1/notifications"


def needs_reauth(owner: str | None) -> ChannelNeedsReauthV1:
    return ChannelNeedsReauthV1(
        channel_id=uuid.uuid4(),
        platform="x",
        name="Hanako's X",
        reason="the token was revoked",
        owner_kind="staff" if owner else "town",
        owner_user=owner,
    )


def mailer(runtime: ServiceRuntime, port: int) -> NotificationMailer:
    relay = SmtpRelay("127.0.0.1", port, None, None, starttls=False, timeout=5)
    return NotificationMailer(
        runtime.jobs_db, Mailer("Machi <no-reply@machi.test>", relay), "https://town.test/console"
    )


async def notices(http: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, object]:
    response = await http.get(NOTICES, headers=headers)
    assert response.status_code == 200, response.text
    page: dict[str, object] = response.json()
    return page


async def test_needs_reauth_tells_the_admins_and_the_owner_once_in_the_console_and_by_mail(
    http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    admin = await auth_headers(http, town.admin_email)
    staff_id, staff_email = await add_user(http, admin, town.slug, "staff")
    _, writer_email = await add_user(http, admin, town.slug, "writer")
    staff = await auth_headers(http, staff_email)
    await http.patch("/v1/me", json={"language": "ja"}, headers=staff)
    message = delivery(needs_reauth(staff_id), town.id)

    assert await consumer.handle(on_channel_needs_reauth, runtime.db, message) is True
    assert await consumer.handle(on_channel_needs_reauth, runtime.db, message) is False
    await mailer(runtime, port).run_once()
    await mailer(runtime, port).run_once()

    for headers in (admin, staff):
        page = await notices(http, headers)
        assert page["unread"] == 1
        [notice] = page["items"]  # type: ignore[misc]
        assert notice["kind"] == "channel.needs_reauth"
        assert notice["data"]["name"] == "Hanako's X"
    assert (await notices(http, await auth_headers(http, writer_email)))["items"] == []
    [to_admin] = inbox.sent_to(town.admin_email)
    [to_owner] = inbox.sent_to(staff_email)
    assert "Hanako's X" in to_admin["Subject"]
    assert "https://town.test/console/channels" in body_of(to_admin).splitlines()
    assert "再接続" in body_of(to_owner)  # in the owner's language, to their own channels
    assert "https://town.test/console/channels/mine" in body_of(to_owner).splitlines()


async def test_the_mail_job_mails_a_notice_when_the_commit_making_it_wakes_it(
    http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    job = mail_job(mailer(runtime, port))
    running = asyncio.create_task(run_all(runtime.jobs_db, "gateway", [job], idle_seconds=30))
    try:
        await asyncio.sleep(1)  # its first look, at start, is over
        started = time.monotonic()
        message = delivery(needs_reauth(None), town.id)
        assert await consumer.handle(on_channel_needs_reauth, runtime.db, message) is True

        async def mailed() -> list[object]:
            return list(inbox.sent_to(town.admin_email))

        await eventually(mailed, timeout=20, what="the commit's NOTIFY")
        assert time.monotonic() - started < 30
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)


async def test_a_notice_is_marked_read_by_its_reader_only(
    http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
) -> None:
    admin = await auth_headers(http, town.admin_email)
    _, other_email = await add_user(http, admin, town.slug, "admin")
    other = await auth_headers(http, other_email)
    await consumer.handle(
        on_channel_needs_reauth, runtime.db, delivery(needs_reauth(None), town.id)
    )
    [notice] = (await notices(http, admin))["items"]  # type: ignore[misc]
    path = f"{NOTICES}/{notice['id']}/read"

    assert (await http.post(path, headers=other)).status_code == 404  # not theirs
    read = await http.post(path, headers=admin)

    assert read.status_code == 200, read.text
    assert read.json()["read_at"] is not None
    assert (await notices(http, admin))["unread"] == 0
    assert (await notices(http, other))["unread"] == 1
    assert (await http.post(f"{NOTICES}/read-all", headers=other)).json() == {"read": 1}
    assert (await notices(http, other))["unread"] == 0
