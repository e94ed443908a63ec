"""Logins and tokens: password (and second factor) in, a token pair out; refresh-token
rotation with reuse detection; who the caller is. Never commits: the boundary does."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from gateway import authn
from gateway.auth import repository as auth_repo
from gateway.auth.models import RefreshToken
from gateway.auth.schemas import MeRead, MeUpdate, TokenRead
from gateway.authn import Authenticator
from gateway.errors import InvalidCredentials, InvalidMfaCode, MfaRequired
from gateway.tenants import repository as tenants_repo
from gateway.users import repository as users_repo
from gateway.users import service as users
from gateway.users.models import User
from kit.auth import InternalPrincipal
from kit.errors import ProblemError
from kit.secrets import Sealer

log = logging.getLogger(__name__)


REFUSED_LOGIN = "wrong email or password, or the account is locked for a while after failed logins"


@dataclass(frozen=True)
class LoginPolicy:
    """Account lockout: `max_failures` wrong passwords in a row lock it for `lockout`."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)


async def _issue_tokens(
    session: AsyncSession,
    auth: Authenticator,
    principal: InternalPrincipal,
    family: uuid.UUID,
    enrolment_due: bool = False,
) -> TokenRead:
    refresh = authn.new_refresh_token()
    session.add(
        RefreshToken(
            user_id=uuid.UUID(principal.sub),
            family_id=family,
            token_hash=authn.sha256_hex(refresh),
            expires_at=datetime.now(UTC) + auth.refresh_ttl,
        )
    )
    await session.flush()
    return TokenRead(
        access_token=auth.mint_access_token(principal),
        expires_in=auth.access_ttl_seconds,
        refresh_token=refresh,
        mfa_enrolment_required=enrolment_due,
    )


async def login(
    session: AsyncSession,
    auth: Authenticator,
    email: str,
    password: str,
    policy: LoginPolicy = LoginPolicy(),
    *,
    sealer: Sealer | None = None,
    totp_code: str | None = None,
) -> TokenRead | ProblemError:
    """A new token pair (and refresh-token family) for a correct email and password, or the
    error to answer; the caller commits either way, so failed attempts are counted.

    An unknown email, a wrong password, a disabled and a locked account each cost one password
    check and get the same answer, so none tells whether the email exists (OWASP Authentication
    Cheat Sheet, "Authentication and Error Messages"); a lock ends by itself. An account with a
    second factor then needs `totp_code` (401 `mfa-required` without it); a wrong code counts
    as a failed login, so codes cannot be guessed faster than passwords.
    """
    user = await users_repo.get_user_by_email_for_update(session, email)
    if user is None:
        await authn.spend_password_check(password)
        return InvalidCredentials(REFUSED_LOGIN)
    now = datetime.now(UTC)
    correct = await authn.verify_password(user.password_hash, password)
    if user.locked_until is not None and user.locked_until > now:
        return InvalidCredentials(REFUSED_LOGIN)
    if not user.is_active or not correct:
        _count_failure(user, now, policy)
        return InvalidCredentials(REFUSED_LOGIN)
    if user.totp_enabled_at is not None:
        if not totp_code:
            return MfaRequired("this account needs its TOTP code: send `totp_code` with the login")
        if sealer is None or not await users.check_second_factor(session, sealer, user, totp_code):
            _count_failure(user, now, policy)
            return InvalidMfaCode()
    user.failed_logins = 0
    user.locked_until = None
    if authn.needs_rehash(user.password_hash):
        user.password_hash = await authn.hash_password(password)
    found = (
        await tenants_repo.get_tenant_and_plan(session, user.tenant_id) if user.tenant_id else None
    )
    tenant = found[0] if found else None
    try:
        principal = authn.principal_for_user(user, *(found or (None, None)))
    except ProblemError as exc:
        return exc
    due = users.enrolment_due(user, tenant)
    return await _issue_tokens(session, auth, principal, uuid.uuid4(), due)


def _count_failure(user: User, now: datetime, policy: LoginPolicy) -> None:
    user.failed_logins += 1
    if user.failed_logins >= policy.max_failures:
        log.warning("account locked after failed logins", extra={"user_id": str(user.id)})
        user.locked_until = now + policy.lockout
        user.failed_logins = 0


async def rotate_refresh_token(
    session: AsyncSession, auth: Authenticator, token: str
) -> TokenRead | None:
    """Spend `token` for a new pair in its family, or None (the caller answers 401).

    A token presented a second time means it leaked or was replayed, so the whole family is
    revoked (RFC 9700 section 4.14.2); the caller must commit that before answering.
    """
    row = await auth_repo.get_refresh_token_for_update(session, authn.sha256_hex(token))
    now = datetime.now(UTC)
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    if row.used_at is not None:
        log.warning("refresh token reused; family revoked", extra={"family_id": str(row.family_id)})
        await auth_repo.revoke_refresh_family(session, row.family_id, now)
        return None
    row.used_at = now
    found = await users_repo.get_user_and_tenant(session, row.user_id)
    if found is None or not found[0].is_active:
        return None
    principal = authn.principal_for_user(*found)
    due = users.enrolment_due(found[0], found[1])
    return await _issue_tokens(session, auth, principal, row.family_id, due)


async def describe(session: AsyncSession, caller: InternalPrincipal) -> MeRead:
    """The caller, with the email of a user."""
    user = (
        await users_repo.get_user(session, uuid.UUID(caller.sub)) if caller.kind == "user" else None
    )
    return MeRead(
        sub=caller.sub,
        kind="user" if caller.kind == "user" else "key",
        user_id=user.id if user else None,
        email=user.email if user else None,
        tenant_id=caller.tenant_id,
        roles=sorted(caller.roles),
        producer_ids=sorted(caller.producer_ids),
        limits=caller.limits,
        features=sorted(caller.features),
        mfa_enabled=user.mfa_enabled if user else False,
        language=user.language if user else None,
    )


async def update_me(session: AsyncSession, caller: InternalPrincipal, change: MeUpdate) -> None:
    """Apply the user's own settings that were sent (a key has none: 400 `not-a-user`)."""
    user = await users.own_user(session, caller)
    if "language" in change.model_fields_set:
        user.language = change.language
    await session.flush()
