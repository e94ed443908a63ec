"""Mail the gateway sends (invitations, password resets) over SMTP, or to the log without a relay.

`GATEWAY_SMTP_HOST` unset is the all-in-one (`make run`): each message, link and token included,
is written to the log so a developer can follow it. With a relay configured nothing of a message
but its subject and recipient's domain is ever logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage

import aiosmtplib

from gateway.settings import GatewaySettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mail:
    """One plain-text message to one person."""

    to: str
    subject: str
    body: str


@dataclass(frozen=True)
class SmtpRelay:
    """Where and how to hand mail over (RFC 5321; STARTTLS per RFC 3207)."""

    host: str
    port: int
    username: str | None
    password: str | None
    starttls: bool
    timeout: float


class Mailer:
    """Sends `Mail` from `sender` through `relay`, or logs it when there is none."""

    def __init__(self, sender: str, relay: SmtpRelay | None) -> None:
        self.sender = sender
        self.relay = relay

    @classmethod
    def from_settings(cls, settings: GatewaySettings) -> Mailer:
        """The mailer of the `GATEWAY_SMTP_*` settings."""
        if not settings.gateway_smtp_host:
            return cls(settings.gateway_smtp_from, None)
        password = settings.gateway_smtp_password
        relay = SmtpRelay(
            host=settings.gateway_smtp_host,
            port=settings.gateway_smtp_port,
            # Empty (compose passes unset variables as ""): no login.
            username=settings.gateway_smtp_username or None,
            password=(password.get_secret_value() or None) if password is not None else None,
            starttls=settings.gateway_smtp_starttls,
            timeout=settings.gateway_smtp_timeout_seconds,
        )
        return cls(settings.gateway_smtp_from, relay)

    async def send(self, mail: Mail) -> bool:
        """Hand `mail` over; False (logged) when the relay refused it or was unreachable: a
        sender answers its client the same either way."""
        if self.relay is None:
            # The development stand-in for a mailbox: the whole message, in the message text.
            log.info(
                "mail to %s (not sent: GATEWAY_SMTP_HOST is unset)\nSubject: %s\n\n%s",
                mail.to,
                mail.subject,
                mail.body,
            )
            return True
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message.set_content(mail.body)
        relay = self.relay
        try:
            await aiosmtplib.send(
                message,
                hostname=relay.host,
                port=relay.port,
                username=relay.username,
                password=relay.password,
                start_tls=relay.starttls,
                timeout=relay.timeout,
            )
        except (aiosmtplib.SMTPException, OSError) as exc:
            log.error(
                "mail not sent",
                extra={
                    "domain": mail.to.rpartition("@")[2],
                    "subject": mail.subject,
                    "error": type(exc).__name__,
                },
            )
            return False
        return True
