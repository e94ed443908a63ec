"""Routes of the user lifecycle: managing a town's users, sessions, passwords, second factor."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask

from gateway.audit import service as audit
from gateway.dependencies import (
    CallerDep,
    GatewaySessionDep,
    client_ip,
    enforce_rate,
    throttled_route,
)
from gateway.errors import InvalidInvitation, LoginThrottled
from gateway.settings import GatewaySettings
from gateway.state import get_state
from gateway.users import service
from gateway.users.schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    LogoutRequest,
    PasswordChange,
    PasswordResetConfirm,
    PasswordResetRequest,
    TotpCode,
    TotpConfirmed,
    TotpDisable,
    TotpEnrolment,
    UserCreate,
    UserRead,
    UserUpdate,
)
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from kit.secrets import Sealer

router = APIRouter()
# Their per-address bucket is taken before the body is read (see `throttled_route`).
acceptances = APIRouter(
    route_class=throttled_route("invitation-ip", lambda s: s.invitation_accept_ip_per_minute)
)
# Each address gets a few reset requests and attempts a minute, taken before the body is read.
resets = APIRouter(
    route_class=throttled_route("password-reset-ip", lambda s: s.password_reset_ip_per_minute)
)
NO_CONTENT = status.HTTP_204_NO_CONTENT


async def get_sealer(request: Request) -> Sealer:
    sealer = get_state(request).sealer
    return sealer


SealerDep = Annotated[Sealer, Depends(get_sealer)]


def _settings(request: Request) -> GatewaySettings:
    settings = get_state(request).settings
    return settings


# --- adding users ---------------------------------------------------------------------------------


@router.post(
    "/v1/invitations",
    status_code=status.HTTP_201_CREATED,
    response_model=InvitationCreated,
    tags=["users"],
)
async def create_invitation(
    data: InvitationCreate, request: Request, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Invite someone into the tenant: the invitee gets the token by email, and it is in this
    response too (only here: only its hash is stored)."""
    settings = get_state(request).settings
    ttl = timedelta(hours=settings.invitation_ttl_hours)
    invitation, token = await service.invite(session, caller, data, ttl)
    mail = await service.invitation_mail(
        session,
        invitation,
        token,
        settings.gateway_public_url,
        settings.invitation_ttl_hours,
        settings.gateway_console_url,
    )
    mailer = get_state(request).mailer
    await audit.record(
        session,
        caller,
        "invitation.created",
        f"invitation:{invitation.id}",
        tenant_id=invitation.tenant_id,
        after={"email": invitation.email, "roles": invitation.roles},
    )
    created = InvitationCreated(
        id=invitation.id,
        tenant_id=invitation.tenant_id,
        email=invitation.email,
        roles=invitation.roles,
        expires_at=invitation.expires_at,
        token=token,
        accept_path=f"/v1/invitations/{token}/accept",
    )
    # Sent once the answer is out, after the session dependency committed the invitation.
    return JSONResponse(
        created.model_dump(mode="json"),
        status_code=status.HTTP_201_CREATED,
        background=BackgroundTask(mailer.send, mail),
    )


@acceptances.post(
    "/v1/invitations/{token}/accept",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    tags=["users"],
)
async def accept_invitation(
    token: Annotated[str, Path(max_length=256)],
    data: InvitationAccept,
    request: Request,
    session: GatewaySessionDep,
) -> object:
    """Accept an invitation with a password: the user exists and can log in (no login needed).

    Acceptances have their own per-address bucket; unknown, used or expired tokens also count in
    a small one (429 `login-throttled` once it is empty).
    """
    try:
        user = await service.accept_invitation(session, token, data.password)
        await audit.record(
            session,
            f"user:{user.id}",
            "invitation.accepted",
            f"user:{user.id}",
            tenant_id=user.tenant_id,
        )
        return user
    except InvalidInvitation:
        settings = get_state(request).settings
        await enforce_rate(
            request,
            f"invitation-miss:{client_ip(request)}",
            settings.invitation_misses_per_minute,
            LoginThrottled,
        )
        raise


@router.post(
    "/v1/users", status_code=status.HTTP_201_CREATED, response_model=UserRead, tags=["users"]
)
async def create_user(data: UserCreate, caller: CallerDep, session: GatewaySessionDep) -> object:
    """Add a user to the caller's tenant (admin) or to a given tenant (operator)."""
    user = await service.register_user(session, caller, data)
    await audit.record(
        session,
        caller,
        "user.created",
        f"user:{user.id}",
        tenant_id=user.tenant_id,
        after={"email": user.email, "roles": user.roles},
    )
    return user


# --- managing a town's users -------------------------------------------------------------------


@router.get("/v1/users", response_model=Page[UserRead], tags=["users"])
async def list_users(
    caller: CallerDep,
    session: GatewaySessionDep,
    tenant_id: uuid.UUID | None = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The town's users, newest first (admin); any town's, or everyone's, for the operator."""
    items, next_cursor = await service.list_users(
        session, caller, tenant_id, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/v1/users/{user_id}", response_model=UserRead, tags=["users"])
async def get_user(user_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep) -> object:
    """One user of the town (admin) or of any town (operator)."""
    return await service.get_user(session, caller, user_id)


@router.patch("/v1/users/{user_id}", response_model=UserRead, tags=["users"])
async def update_user(
    user_id: uuid.UUID, data: UserUpdate, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Change a user's name, roles or producers; nobody grants a role above their own."""
    before, user = await service.update_user(session, caller, user_id, data)
    await audit.record(
        session,
        caller,
        "user.updated",
        f"user:{user.id}",
        tenant_id=user.tenant_id,
        before=before,
        after={"name": user.name, "roles": user.roles, "producer_ids": user.producer_ids},
    )
    return user


@router.post("/v1/users/{user_id}/deactivate", response_model=UserRead, tags=["users"])
async def deactivate_user(
    user_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Turn a user off: their access tokens, refresh tokens and the API keys they made stop
    working at once (access tokens are checked against the user on every request)."""
    user, keys = await service.deactivate_user(session, caller, user_id)
    await audit.record(
        session,
        caller,
        "user.deactivated",
        f"user:{user.id}",
        tenant_id=user.tenant_id,
        after={"api_keys_revoked": keys},
    )
    return user


@router.post("/v1/users/{user_id}/reactivate", response_model=UserRead, tags=["users"])
async def reactivate_user(
    user_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Turn a deactivated user back on (within the plan's `staff_users`); they log in anew, and
    their revoked keys stay revoked."""
    user = await service.reactivate_user(session, caller, user_id)
    await audit.record(
        session, caller, "user.reactivated", f"user:{user.id}", tenant_id=user.tenant_id
    )
    return user


@router.delete(
    "/v1/users/{user_id}/mfa/totp",
    tags=["users"],
    status_code=NO_CONTENT,
    operation_id="users_totp_reset",
)
async def reset_totp(user_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep) -> Response:
    """Remove a user's TOTP second factor when they lost both their phone and their recovery
    codes; they log in with the password, and enrol again where the town requires it."""
    user = await service.reset_totp(session, caller, user_id)
    await audit.record(
        session, caller, "user.mfa_reset", f"user:{user.id}", tenant_id=user.tenant_id
    )
    return Response(status_code=NO_CONTENT)


@router.delete("/v1/users/{user_id}", tags=["users"], status_code=NO_CONTENT)
async def delete_user(
    user_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> Response:
    """Delete a user: their access ends and their personal data is erased; the row stays as an
    anonymised "ex-user", so what they made and the audit log still name someone."""
    user = await service.delete_user(session, caller, user_id)
    await audit.record(session, caller, "user.deleted", f"user:{user.id}", tenant_id=user.tenant_id)
    return Response(status_code=NO_CONTENT)


# --- sessions ------------------------------------------------------------------------------------


@router.post("/v1/auth/logout", tags=["auth"], status_code=NO_CONTENT)
async def logout(data: LogoutRequest, session: GatewaySessionDep) -> Response:
    """Log out this login: its refresh token (and every one rotated from it) stops working. An
    unknown token gets the same answer."""
    user_id = await service.logout(session, data.refresh_token)
    if user_id is not None:
        await audit.record(session, f"user:{user_id}", "auth.logout", f"user:{user_id}")
    return Response(status_code=NO_CONTENT)


@router.post("/v1/auth/logout-all", tags=["auth"], status_code=NO_CONTENT)
async def logout_everywhere(caller: CallerDep, session: GatewaySessionDep) -> Response:
    """Log out everywhere: every refresh token of the caller stops working."""
    await service.logout_everywhere(session, caller)
    await audit.record(
        session, caller, "auth.logout_all", f"user:{caller.sub}", tenant_id=caller.tenant_id
    )
    return Response(status_code=NO_CONTENT)


# --- passwords -----------------------------------------------------------------------------------


@router.post(
    "/v1/me/password",
    tags=["auth"],
    status_code=NO_CONTENT,
    operation_id="me_password_change",
)
async def change_password(
    data: PasswordChange, caller: CallerDep, session: GatewaySessionDep
) -> Response:
    """Change your password (the current one is required); your other logins are ended."""
    user = await service.change_password(session, caller, data.current_password, data.new_password)
    await audit.record(
        session, caller, "user.password_changed", f"user:{user.id}", tenant_id=user.tenant_id
    )
    return Response(status_code=NO_CONTENT)


@resets.post(
    "/v1/auth/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    response_class=Response,  # no body: the generated clients must not parse one
    tags=["auth"],
)
async def request_password_reset(data: PasswordResetRequest, request: Request) -> Response:
    """Email a single-use reset code to the account with this email, if there is one. The
    answer is the same 202 either way, and the mail is sent after it."""
    settings = _settings(request)
    db = get_state(request).db
    async with db.transaction() as session:
        outcome = await service.request_password_reset(
            session,
            data.email,
            timedelta(minutes=settings.password_reset_ttl_minutes),
            settings.gateway_public_url,
            settings.gateway_console_url,
        )
        if outcome is not None:
            target = f"user:{outcome.user.id}"
            await audit.record(
                session,
                target,
                "auth.password_reset_requested",
                target,
                tenant_id=outcome.user.tenant_id,
            )
    mailer = get_state(request).mailer
    task = BackgroundTask(mailer.send, outcome.mail) if outcome is not None else None
    return Response(status_code=status.HTTP_202_ACCEPTED, background=task)


@resets.post("/v1/auth/password-reset/confirm", tags=["auth"], status_code=NO_CONTENT)
async def reset_password(data: PasswordResetConfirm, session: GatewaySessionDep) -> Response:
    """Set a new password with the emailed code; the code works once, and every login of the
    account is ended."""
    user = await service.reset_password(session, data.token, data.new_password)
    target = f"user:{user.id}"
    await audit.record(session, target, "auth.password_reset", target, tenant_id=user.tenant_id)
    return Response(status_code=NO_CONTENT)


# --- second factor -------------------------------------------------------------------------------


@router.post(
    "/v1/me/mfa/totp",
    status_code=status.HTTP_201_CREATED,
    response_model=TotpEnrolment,
    tags=["auth"],
    operation_id="me_totp_enrol",
)
async def enrol_totp(caller: CallerDep, session: GatewaySessionDep, sealer: SealerDep) -> object:
    """Start a TOTP second factor: a secret (shown once), in force after `confirm`."""
    return await service.enrol_totp(session, caller, sealer)


@router.post(
    "/v1/me/mfa/totp/confirm",
    response_model=TotpConfirmed,
    tags=["auth"],
    operation_id="me_totp_confirm",
)
async def confirm_totp(
    data: TotpCode, caller: CallerDep, session: GatewaySessionDep, sealer: SealerDep
) -> object:
    """Turn the TOTP factor on with a code from the app: logins then need a code, and the
    recovery codes in this answer are shown once."""
    codes = await service.confirm_totp(session, caller, sealer, data.code)
    await audit.record(
        session, caller, "user.mfa_enabled", f"user:{caller.sub}", tenant_id=caller.tenant_id
    )
    return TotpConfirmed(recovery_codes=codes)


@router.post(
    "/v1/me/mfa/totp/disable",
    tags=["auth"],
    status_code=NO_CONTENT,
    operation_id="me_totp_disable",
)
async def disable_totp(
    data: TotpDisable, caller: CallerDep, session: GatewaySessionDep, sealer: SealerDep
) -> Response:
    """Turn the TOTP factor off with a current code or the password (not where the town
    requires it for your role)."""
    await service.disable_totp(session, caller, sealer, data.code, data.password)
    await audit.record(
        session, caller, "user.mfa_disabled", f"user:{caller.sub}", tenant_id=caller.tenant_id
    )
    return Response(status_code=NO_CONTENT)


router.include_router(resets)
router.include_router(acceptances)
