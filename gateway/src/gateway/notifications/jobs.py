"""The mailer of notices: each notice's mail is sent once it is made, in its reader's language.

A batch is claimed (leased) in one short transaction, mailed without holding it, and each
outcome recorded in its own. A relay that refuses or cannot be reached is tried again later,
up to `MAX_ATTEMPTS`; a crash between sending and recording mails again after the lease (a
second copy of a notice, never a lost one).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from gateway.mail import Mail, Mailer
from gateway.notifications import repository
from gateway.notifications.models import Notification
from gateway.users.models import User
from kit.db import Database
from kit.jobs import Job

BATCH = 50
LEASE = timedelta(minutes=2)
RETRY = timedelta(minutes=5)  # times the attempt number
MAX_ATTEMPTS = 5
EVERY_SECONDS = 10.0

# The notice of a channel to reconnect, in ja, ko and en (the reader's console language).
REAUTH_TEXTS = {
    "en": (
        "Reconnect {name} ({platform}) on Machi",
        "Machi stopped publishing to {name} on {platform}: {reason}\n\n"
        "Reconnect it in the console; its scheduled posts wait until then:\n{link}\n",
    ),
    "ja": (
        "Machi: {platform} の {name} の再接続が必要です",
        "Machi は {platform} の {name} への投稿を止めました: {reason}\n\n"
        "コンソールで再接続してください。予約済みの投稿はそれまで待機します:\n{link}\n",
    ),
    "ko": (
        "Machi: {name}({platform}) 다시 연결이 필요합니다",
        "Machi가 {platform}의 {name}에 게시를 멈췄습니다: {reason}\n\n"
        "콘솔에서 다시 연결해 주세요. 예약된 게시물은 그때까지 기다립니다:\n{link}\n",
    ),
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def letter(notice: Notification, reader: User, console_url: str) -> Mail:
    """The mail of `notice` to `reader`, linking the console's channels page (the owner's:
    their own channels); `GATEWAY_CONSOLE_URL` empty, the page's path alone."""
    subject, body = REAUTH_TEXTS.get(reader.language or "", REAUTH_TEXTS["en"])
    own = notice.data.get("owner_user") == str(reader.id)
    page = "channels/mine" if own else "channels"
    link = f"{console_url.rstrip('/')}/{page}" if console_url else f"/console/{page}"
    fields = {**notice.data, "link": link}
    title = " ".join(subject.format(**fields).split())  # a channel's name cannot break a header
    return Mail(reader.email, title, body.format(**fields))


class NotificationMailer:
    """Mails due notices; `clock` is replaceable so tests walk the retries."""

    def __init__(
        self,
        db: Database,
        mailer: Mailer,
        console_url: str,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = db
        self._mailer = mailer
        self._console_url = console_url
        self._clock = clock

    async def run_once(self) -> int:
        """Mail one batch of due notices; how many were attempted."""
        now = self._clock()
        async with self._db.transaction() as session:
            claimed = await repository.claim_mail(session, now, now + LEASE, BATCH)
            letters = [
                (n.id, n.mail_attempts + 1, letter(n, user, self._console_url))
                for n, user in claimed
            ]
        for notice_id, attempt, mail in letters:
            await self._record(notice_id, attempt, await self._mailer.send(mail))
        return len(letters)

    async def next_due(self) -> datetime | None:
        """When the earliest mail not due yet comes due (the job's `due`)."""
        async with self._db.transaction() as session:
            return await repository.next_mail_due(session)

    async def _record(self, notice_id: uuid.UUID, attempt: int, sent: bool) -> None:
        now = self._clock()
        if sent:
            values: dict[str, object] = {"mail_status": "sent", "mailed_at": now}
        elif attempt >= MAX_ATTEMPTS:
            values = {"mail_status": "failed"}  # the console still shows the notice
        else:
            values = {"mail_next_at": now + RETRY * attempt}
        async with self._db.transaction() as session:
            await repository.record_mail(session, notice_id, values)


def mail_job(mailer: NotificationMailer) -> Job:
    """Mail due notices: woken by the commit that makes one, or when the earliest retry comes
    due (`kit.jobs`)."""

    async def run() -> int:
        mailed = sent = await mailer.run_once()
        while sent == BATCH:
            sent = await mailer.run_once()
            mailed += sent
        return mailed

    return Job(
        "notification-mail", EVERY_SECONDS, run, wake=repository.MAIL_CHANNEL, due=mailer.next_due
    )
