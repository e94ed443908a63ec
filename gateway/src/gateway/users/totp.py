"""TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) and single-use recovery codes.

A code is accepted one step either side of now (clock drift), and never twice: the last accepted
step is kept on the user row, so a code seen over a shoulder cannot be replayed.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import UTC, datetime

import pyotp

ISSUER = "Machi"
STEP_SECONDS = 30
DRIFT_STEPS = 1
RECOVERY_CODES = 8


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account: str) -> str:
    """The `otpauth://totp/...` URI an authenticator app scans as a QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)


def matching_step(
    secret: str, code: str, after: int | None, now: datetime | None = None
) -> int | None:
    """The time step `code` belongs to (within the drift, later than `after`), or None."""
    code = code.strip().replace(" ", "")
    if not (len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = int((now or datetime.now(UTC)).timestamp()) // STEP_SECONDS
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if after is not None and step <= after:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_recovery_codes() -> list[str]:
    """Codes shown once at enrolment, `xxxxx-xxxxx` (40 bits each)."""
    return [f"{secrets.token_hex(3)[:5]}-{secrets.token_hex(3)[:5]}" for _ in range(RECOVERY_CODES)]


def normalize_recovery_code(code: str) -> str:
    return code.strip().lower()
