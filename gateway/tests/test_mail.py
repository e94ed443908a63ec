"""Mail without a relay goes to the log (the all-in-one); with one, the log never holds its text."""

from __future__ import annotations

import logging

import pytest

from gateway.mail import Mail, Mailer, SmtpRelay

from .test_user_lifecycle import free_port

SECRET_CODE = "reset-code-7f3a9c"


async def test_without_a_relay_the_whole_message_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.mail")

    sent = await Mailer("Machi <no-reply@localhost>", None).send(
        Mail("hanako@town.example", "Reset your Machi password", f"Reset code: {SECRET_CODE}")
    )

    assert sent is True
    assert SECRET_CODE in caplog.text
    assert "hanako@town.example" in caplog.text


async def test_a_relay_that_cannot_be_reached_is_logged_without_the_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.mail")
    relay = SmtpRelay("127.0.0.1", free_port(), None, None, starttls=False, timeout=2)

    sent = await Mailer("Machi <no-reply@localhost>", relay).send(
        Mail("hanako@town.example", "Reset your Machi password", f"Reset code: {SECRET_CODE}")
    )

    assert sent is False
    assert "mail not sent" in caplog.text
    assert SECRET_CODE not in caplog.text
    assert "hanako@" not in caplog.text
