"""Users: adding them (directly, by invitation), and their lifecycle: list, change roles,
deactivate, reactivate, delete as "ex-user"; log out; change and reset passwords; the TOTP second
factor. Never commits: the boundary does.

Access tokens are checked against the user row on every request (`gateway.authn`), so a
deactivated or deleted user's access token stops working at once (bound: 0 seconds, not the
token's lifetime); deactivation also revokes their refresh tokens and the API keys they made in
the same transaction.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from gateway import access, authn
from gateway.errors import (
    EmailTaken,
    InvalidInvitation,
    InvalidResetToken,
    MfaEnrolmentRequired,
    MfaState,
    NotAUser,
    TenantNotFound,
    UserDeleted,
    UserNotFound,
    WrongMfaCode,
    WrongPassword,
)
from gateway.mail import Mail
from gateway.schemas import ROLES
from gateway.tenants import repository as tenants_repo
from gateway.users import repository as users_repo
from gateway.users import totp
from gateway.users.models import Invitation, PasswordReset, User
from gateway.users.schemas import InvitationCreate, UserCreate, UserUpdate
from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import Forbidden, InvalidInput, QuotaExceeded
from kit.secrets import Sealer

EX_USER = "ex-user"
EX_USER_DOMAIN = "deleted.invalid"  # RFC 2606: never a real mailbox
MFA_ROLES = authn.MFA_ROLES
# Paths a login whose second factor is due may still call: enough to enrol one.
ENROLMENT_PATHS = frozenset(
    {"/v1/me", "/v1/me/mfa/totp", "/v1/me/mfa/totp/confirm", "/v1/auth/logout-all"}
)


# --- who may manage whom ---------------------------------------------------------------------


def _visible_to(caller: InternalPrincipal, user: User | None, user_id: uuid.UUID) -> User:
    """The user, if the caller manages them: the operator anyone, an admin their town's."""
    if user is None:
        raise UserNotFound(f"no user {user_id}")
    if caller.has_role(policy.OPERATOR):
        return user
    if caller.tenant_id is None or not caller.has_role(policy.ADMIN):
        raise Forbidden("needs the admin role in a tenant")
    if user.tenant_id != caller.tenant_id:
        raise UserNotFound(f"no user {user_id}")  # another town's id reads as missing
    return user


def _manageable(caller: InternalPrincipal, user: User) -> None:
    """403 unless the caller may change `user`: never themselves, never an operator unless the
    caller is one, and a key only a user whose roles it could grant."""
    if caller.kind == "user" and caller.sub == str(user.id):
        raise Forbidden("manage your own account through /v1/me")
    if policy.OPERATOR in user.roles and not caller.has_role(policy.OPERATOR):
        raise Forbidden("only the operator manages operators")
    if not set(user.roles) <= policy.grantable(caller.roles):
        raise Forbidden("this user holds roles you may not grant")
    if caller.kind == "key" and not policy.covers_all(caller.scopes, [policy.ALL_SCOPES]):
        raise Forbidden("only a key with the `*` scope manages users, as only it adds them")


async def _managed_user(
    session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID
) -> User:
    user = _visible_to(caller, await users_repo.get_user_for_update(session, user_id), user_id)
    _manageable(caller, user)
    if user.deleted_at is not None:
        raise UserDeleted(f"user {user_id} was deleted")
    return user


def _own_user_id(caller: InternalPrincipal) -> uuid.UUID:
    if caller.kind != "user":
        raise NotAUser("an API key has no password, second factor or sessions")
    return uuid.UUID(caller.sub)


async def own_user(session: AsyncSession, caller: InternalPrincipal) -> User:
    """The caller's own user row, locked for a change (400 `not-a-user` for a key)."""
    return await _own_user(session, caller)


async def _own_user(session: AsyncSession, caller: InternalPrincipal) -> User:
    user = await users_repo.get_user_for_update(session, _own_user_id(caller))
    if user is None:
        raise UserNotFound("the account no longer exists")
    return user


# --- reading ---------------------------------------------------------------------------------


async def list_users(
    session: AsyncSession,
    caller: InternalPrincipal,
    tenant_id: uuid.UUID | None,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[User], str | None]:
    """The caller's town's users (admin), or any town's or everyone (operator), newest first."""
    if not caller.has_role(policy.OPERATOR):
        if caller.tenant_id is None or not caller.has_role(policy.ADMIN):
            raise Forbidden("needs the admin role in a tenant")
        if tenant_id not in (None, caller.tenant_id):
            raise TenantNotFound(f"no tenant {tenant_id}")
        tenant_id = caller.tenant_id
    return await users_repo.list_users(session, tenant_id, cursor=cursor, limit=limit)


async def get_user(session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID) -> User:
    """One user, to the operator or their town's admins."""
    return _visible_to(caller, await users_repo.get_user(session, user_id), user_id)


# --- managing --------------------------------------------------------------------------------


async def update_user(
    session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID, data: UserUpdate
) -> tuple[dict[str, object], User]:
    """Change a user's name, roles or producers; the before state, and the user."""
    user = await _managed_user(session, caller, user_id)
    before = _snapshot(user)
    if data.roles is not None:
        roles = set(data.roles)
        unknown = roles - ROLES
        if unknown:
            raise InvalidInput(f"unknown roles: {', '.join(sorted(unknown))}")
        if (policy.OPERATOR in roles) != (user.tenant_id is None):
            raise InvalidInput("operators belong to no tenant; everyone else to one")
        if not roles <= policy.grantable(caller.roles):
            raise Forbidden(f"may not grant the roles: {', '.join(sorted(roles))}")
        user.roles = sorted(roles)
    if data.producer_ids is not None:
        user.producer_ids = [str(p) for p in data.producer_ids]
    if "name" in data.model_fields_set:
        user.name = data.name
    await session.flush()
    return before, user


def _snapshot(user: User) -> dict[str, object]:
    return {"name": user.name, "roles": list(user.roles), "producer_ids": list(user.producer_ids)}


async def _end_access(session: AsyncSession, user: User, now: datetime) -> int:
    """Revoke every session and key of the user, at once; how many keys were live."""
    await users_repo.revoke_refresh_tokens(session, user.id, now)
    await users_repo.spend_password_resets(session, user.id, now)
    return await users_repo.revoke_api_keys_of(session, user.id, now)


async def deactivate_user(
    session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID
) -> tuple[User, int]:
    """Turn a user off: logins, refresh tokens and their keys stop at once (data kept)."""
    user = await _managed_user(session, caller, user_id)
    now = datetime.now(UTC)
    if user.is_active:
        user.is_active = False
        user.deactivated_at = now
    keys = await _end_access(session, user, now)
    await session.flush()
    return user, keys


async def reactivate_user(
    session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID
) -> User:
    """Turn a deactivated user back on (within the plan's staff quota); their old sessions and
    keys stay revoked."""
    user = await _managed_user(session, caller, user_id)
    if not user.is_active:
        if user.tenant_id is not None:
            await check_staff_quota(session, user.tenant_id)
        user.is_active = True
        user.deactivated_at = None
        user.failed_logins = 0
        user.locked_until = None
        await session.flush()
    return user


async def reset_totp(session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID) -> User:
    """Remove a user's second factor (phone and recovery codes both lost): they log in with the
    password alone, or enrol again first where the town requires one; their logins end."""
    user = await _managed_user(session, caller, user_id)
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    await users_repo.delete_recovery_codes(session, user.id)
    await users_repo.revoke_refresh_tokens(session, user.id, datetime.now(UTC))
    await session.flush()
    return user


async def delete_user(session: AsyncSession, caller: InternalPrincipal, user_id: uuid.UUID) -> User:
    """Delete a user's personal data and access; the row stays as an anonymised "ex-user", so
    posts, audit records and invitations naming it keep working."""
    user = await _managed_user(session, caller, user_id)
    now = datetime.now(UTC)
    await _end_access(session, user, now)
    await users_repo.delete_recovery_codes(session, user.id)
    await users_repo.delete_password_resets(session, user.id)
    user.email = f"{EX_USER}-{user.id}@{EX_USER_DOMAIN}"
    user.name = EX_USER
    user.password_hash = "!"  # no argon2 hash: nothing verifies against it
    user.roles = []
    user.producer_ids = []
    user.is_active = False
    user.deactivated_at = user.deactivated_at or now
    user.deleted_at = now
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    await session.flush()
    return user


# --- sessions --------------------------------------------------------------------------------


async def logout(session: AsyncSession, refresh_token: str) -> uuid.UUID | None:
    """Revoke the refresh-token family of `refresh_token` (this login, on this device); the
    user it belonged to, or None for an unknown token (answered the same)."""
    row = await users_repo.get_refresh_token(session, authn.sha256_hex(refresh_token))
    if row is None:
        return None
    await users_repo.revoke_refresh_tokens(session, row.user_id, datetime.now(UTC), row.family_id)
    return row.user_id


async def logout_everywhere(session: AsyncSession, caller: InternalPrincipal) -> None:
    """Revoke every refresh token of the caller: each device must log in again once its
    access token runs out."""
    await users_repo.revoke_refresh_tokens(session, _own_user_id(caller), datetime.now(UTC))


# --- passwords -------------------------------------------------------------------------------


async def change_password(
    session: AsyncSession, caller: InternalPrincipal, current: str, new: str
) -> User:
    """Set a new password after checking the current one; other sessions are logged out."""
    user = await _own_user(session, caller)
    if not await authn.verify_password(user.password_hash, current):
        raise WrongPassword()
    user.password_hash = await authn.hash_password(new)
    now = datetime.now(UTC)
    await users_repo.revoke_refresh_tokens(session, user.id, now)
    await users_repo.spend_password_resets(session, user.id, now)
    await session.flush()
    return user


@dataclass(frozen=True)
class ResetRequested:
    """A reset token for a known, active user: the mail to send (after the commit)."""

    user: User
    mail: Mail


async def request_password_reset(
    session: AsyncSession, email: str, ttl: timedelta, public_url: str, console_url: str = ""
) -> ResetRequested | None:
    """A single-use reset token for an active user with this email, or None; the caller
    answers the same either way, so the answer tells nothing about which emails exist."""
    user = await users_repo.get_user_by_email(session, email)
    if user is None or not user.is_active:
        return None
    token = secrets.token_urlsafe(32)
    expires_at = datetime.now(UTC) + ttl
    await users_repo.add_password_reset(
        session,
        PasswordReset(user_id=user.id, token_hash=authn.sha256_hex(token), expires_at=expires_at),
    )
    minutes = int(ttl.total_seconds() // 60)
    api = (
        f"POST {public_url.rstrip('/')}/v1/auth/password-reset/confirm\n"
        "(body fields `token` and `new_password`)"
    )
    page = _console_page(console_url, "password-reset/confirm", token)
    body = (
        "Someone asked to reset the password of your Machi account.\n\n"
        + (f"Choose a new password here (the link works once):\n{page}\n\n" if page else "")
        + f"Reset code: {token}\n\n"
        f"It works once, within {minutes} minutes. "
        + ("An app of your own sends it" if page else "Send it")
        + f" with the new password to\n{api}.\n\n"
        + "If it was not you, ignore this message: your password stays as it is.\n"
    )
    return ResetRequested(user, Mail(user.email, "Reset your Machi password", body))


async def reset_password(session: AsyncSession, token: str, new: str) -> User:
    """Spend a reset token: the new password is set, the lock lifted, every session ended."""
    reset = await users_repo.get_password_reset_for_update(session, authn.sha256_hex(token))
    now = datetime.now(UTC)
    if reset is None or reset.used_at is not None or reset.expires_at <= now:
        raise InvalidResetToken()
    reset.used_at = now
    user = await users_repo.get_user_for_update(session, reset.user_id)
    if user is None or not user.is_active:
        raise InvalidResetToken()
    user.password_hash = await authn.hash_password(new)
    user.failed_logins = 0
    user.locked_until = None
    await users_repo.revoke_refresh_tokens(session, user.id, now)
    await users_repo.spend_password_resets(session, user.id, now)
    await session.flush()
    return user


def _console_page(console_url: str, path: str, token: str) -> str:
    """The console's page that spends `token`, or "" when no console URL is set."""
    if not console_url:
        return ""
    return f"{console_url.rstrip('/')}/{path}?{urlencode({'code': token})}"


def _invitation_text(
    email: str, token: str, town: str, public_url: str, hours: int, console_url: str = ""
) -> Mail:
    """The mail that carries an invitation's token to the invitee: a link to the console's
    invitation page, and the API call for a town's own frontend."""
    api = (
        f"POST {public_url.rstrip('/')}/v1/invitations/<invitation code>/accept\n"
        "(body field `password`)"
    )
    page = _console_page(console_url, "invitation", token)
    body = (
        f"You are invited to join {town} on Machi.\n\n"
        + (f"Choose your password here (the link works once):\n{page}\n\n" if page else "")
        + f"Invitation code: {token}\n\n"
        f"It works once, within {hours} hours. "
        + ("An app of your own sends it" if page else "Send it")
        + f" with the password you choose to\n{api}.\n"
    )
    return Mail(email, f"Your invitation to {town} on Machi", body)


# --- second factor ---------------------------------------------------------------------------


enrolment_due = authn.mfa_enrolment_due


def require_enrolled(path: str, due: bool) -> None:
    """403 `mfa-enrolment-required` for a login whose second factor is due, except on the
    paths that enrol one."""
    if due and path not in ENROLMENT_PATHS:
        raise MfaEnrolmentRequired(
            "your town requires a second factor for your role: POST /v1/me/mfa/totp, then"
            " /v1/me/mfa/totp/confirm"
        )


@dataclass(frozen=True)
class Enrolment:
    secret: str
    otpauth_uri: str


async def enrol_totp(session: AsyncSession, caller: InternalPrincipal, sealer: Sealer) -> Enrolment:
    """A new TOTP secret for the caller, not yet in force: `confirm_totp` turns it on."""
    user = await _own_user(session, caller)
    if user.totp_enabled_at is not None:
        raise MfaState("a second factor is already enabled: disable it first")
    secret = totp.new_secret()
    user.totp_secret = sealer.seal_text(secret)
    user.totp_last_step = None
    await session.flush()
    return Enrolment(secret, totp.provisioning_uri(secret, user.email))


async def confirm_totp(
    session: AsyncSession, caller: InternalPrincipal, sealer: Sealer, code: str
) -> list[str]:
    """Turn the enrolled secret on with a code from the app; the recovery codes (shown once)."""
    user = await _own_user(session, caller)
    if user.totp_secret is None or user.totp_enabled_at is not None:
        raise MfaState("nothing to confirm: enrol first (POST /v1/me/mfa/totp)")
    step = totp.matching_step(sealer.open_text(user.totp_secret), code, user.totp_last_step)
    if step is None:
        raise WrongMfaCode()
    user.totp_last_step = step
    user.totp_enabled_at = datetime.now(UTC)
    codes = totp.new_recovery_codes()
    await users_repo.replace_recovery_codes(
        session, user.id, [authn.sha256_hex(totp.normalize_recovery_code(c)) for c in codes]
    )
    return codes


async def disable_totp(
    session: AsyncSession,
    caller: InternalPrincipal,
    sealer: Sealer,
    code: str | None,
    password: str | None,
) -> User:
    """Turn the second factor off, proven with a current code or the password; a town that
    requires one for the role refuses."""
    user = await _own_user(session, caller)
    if user.totp_secret is None:
        raise MfaState("no second factor is enrolled")
    if user.tenant_id is not None:
        tenant = await tenants_repo.get_tenant(session, user.tenant_id)
        if tenant is not None and tenant.mfa_required and MFA_ROLES & set(user.roles):
            raise MfaState("your town requires a second factor for your role")
    if code is not None:
        if not await check_second_factor(session, sealer, user, code):
            raise WrongMfaCode()
    elif password is None:
        raise InvalidInput("give a current TOTP code or the account's password")
    elif not await authn.verify_password(user.password_hash, password):
        raise WrongPassword()
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    await users_repo.delete_recovery_codes(session, user.id)
    await session.flush()
    return user


async def check_second_factor(session: AsyncSession, sealer: Sealer, user: User, code: str) -> bool:
    """Whether `code` is a fresh TOTP code or an unused recovery code of the (locked) user;
    either is spent by this check."""
    if user.totp_secret is None:
        return False
    step = totp.matching_step(sealer.open_text(user.totp_secret), code, user.totp_last_step)
    if step is not None:
        user.totp_last_step = step
        return True
    hashed = authn.sha256_hex(totp.normalize_recovery_code(code))
    return await users_repo.spend_recovery_code(session, user.id, hashed, datetime.now(UTC))


# --- adding users: directly, by invitation, and the CLI's bootstrap ---------------------------


STAFF_QUOTA = "staff_users"


async def add_user(
    session: AsyncSession,
    tenant_id: uuid.UUID | None,
    email: str,
    password: str,
    roles: Sequence[str],
    producer_ids: Sequence[uuid.UUID] = (),
    name: str | None = None,
) -> User:
    unknown = set(roles) - ROLES
    if unknown:
        raise InvalidInput(f"unknown roles: {', '.join(sorted(unknown))}")
    if (policy.OPERATOR in roles) != (tenant_id is None):
        raise InvalidInput("operators belong to no tenant; everyone else to one")
    if await users_repo.get_user_by_email(session, email) is not None:
        raise EmailTaken(f"{email} is already registered")
    if tenant_id is not None:
        await check_staff_quota(session, tenant_id)
    user = User(
        tenant_id=tenant_id,
        email=email,
        name=name,
        password_hash=await authn.hash_password(password),
        roles=sorted(set(roles)),
        producer_ids=[str(p) for p in producer_ids],
        is_active=True,
    )
    session.add(user)
    await session.flush()
    await session.refresh(user)
    return user


async def check_staff_quota(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """The plan's `staff_users` quota, which the gateway enforces itself (it owns users)."""
    found = await tenants_repo.get_tenant_and_plan(session, tenant_id)
    if found is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    quota = authn.effective_limits(*found).get(STAFF_QUOTA)
    if quota is None:
        return
    if await users_repo.count_active_users(session, tenant_id) >= quota:
        raise QuotaExceeded(f"the plan allows {quota} users", quota=STAFF_QUOTA, limit=quota)


def _target_tenant(caller: InternalPrincipal, requested: uuid.UUID | None) -> uuid.UUID | None:
    """The tenant a new user or invitation is for: any (operator) or the caller's (admin)."""
    if caller.has_role(policy.OPERATOR):
        return requested
    tenant_id = access.require_tenant_admin(caller)
    if requested not in (None, tenant_id):
        raise TenantNotFound(f"no tenant {requested}")
    return tenant_id


async def register_user(session: AsyncSession, caller: InternalPrincipal, data: UserCreate) -> User:
    """Add a user to the caller's tenant (admin), or to any tenant (operator)."""
    tenant_id = _target_tenant(caller, data.tenant_id)
    if tenant_id is not None and await tenants_repo.get_tenant(session, tenant_id) is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    if policy.OPERATOR in data.roles and not caller.has_role(policy.OPERATOR):
        raise Forbidden("only the operator grants the operator role")
    access.may_grant(caller, data.roles)
    return await add_user(
        session, tenant_id, data.email, data.password, data.roles, data.producer_ids, data.name
    )


async def invite(
    session: AsyncSession, caller: InternalPrincipal, data: InvitationCreate, ttl: timedelta
) -> tuple[Invitation, str]:
    """A one-time invitation into a tenant, and its token (shown once, only its hash kept)."""
    tenant_id = _target_tenant(caller, data.tenant_id)
    if tenant_id is None:
        raise InvalidInput("an invitation is for a tenant: give tenant_id")
    if policy.OPERATOR in data.roles:
        raise Forbidden("the operator role is never granted by invitation")
    access.may_grant(caller, data.roles)
    await check_staff_quota(session, tenant_id)
    if await users_repo.get_user_by_email(session, data.email) is not None:
        raise EmailTaken(f"{data.email} is already registered")
    token = authn.new_refresh_token()
    invitation = Invitation(
        tenant_id=tenant_id,
        email=data.email,
        roles=sorted(set(data.roles)),
        producer_ids=[str(p) for p in data.producer_ids],
        token_hash=authn.sha256_hex(token),
        created_by=caller.actor,
        expires_at=datetime.now(UTC) + ttl,
    )
    session.add(invitation)
    await session.flush()
    return invitation, token


async def invitation_mail(
    session: AsyncSession,
    invitation: Invitation,
    token: str,
    public_url: str,
    hours: int,
    console_url: str = "",
) -> Mail:
    """The mail that carries `token` to the invitee."""
    tenant = await tenants_repo.get_tenant(session, invitation.tenant_id)
    town = "a town" if tenant is None else str(tenant.name.get("en") or tenant.slug)
    return _invitation_text(invitation.email, token, town, public_url, hours, console_url)


async def accept_invitation(session: AsyncSession, token: str, password: str) -> User:
    """Spend an invitation: its user is created with `password`."""
    invitation = await users_repo.get_invitation_for_update(session, authn.sha256_hex(token))
    now = datetime.now(UTC)
    if invitation is None or invitation.accepted_at is not None or invitation.expires_at <= now:
        raise InvalidInvitation()
    invitation.accepted_at = now
    return await add_user(
        session,
        invitation.tenant_id,
        invitation.email,
        password,
        invitation.roles,
        [uuid.UUID(p) for p in invitation.producer_ids],
    )
