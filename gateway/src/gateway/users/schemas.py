"""HTTP DTOs of users: the user, adding and inviting one, and the lifecycle."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from gateway.schemas import Email, NewPassword, Role, UserStatus


class UserUpdate(BaseModel):
    """Only the fields given change."""

    name: str | None = Field(default=None, max_length=200)
    roles: list[Role] | None = Field(default=None, min_length=1, examples=[["editor"]])
    producer_ids: list[uuid.UUID] | None = None


class LogoutRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: NewPassword


class PasswordResetRequest(BaseModel):
    email: Email


class PasswordResetConfirm(BaseModel):
    token: str = Field(min_length=1, max_length=256, description="The code from the email.")
    new_password: NewPassword


class TotpEnrolment(BaseModel):
    """Shown once: put it into an authenticator app, then confirm with a code from it."""

    secret: str = Field(description="Base32 (RFC 4648) TOTP secret.")
    otpauth_uri: str = Field(description="The same as an `otpauth://totp/` URI for a QR code.")


class TotpCode(BaseModel):
    code: str = Field(min_length=6, max_length=32, examples=["492039"])


class TotpConfirmed(BaseModel):
    recovery_codes: list[str] = Field(
        description="Shown once: each logs in once in place of a TOTP code (lost phone)."
    )


class TotpDisable(BaseModel):
    """Prove it is you with a current TOTP code or the account's password."""

    code: str | None = Field(default=None, min_length=6, max_length=32)
    password: str | None = Field(default=None, min_length=1, max_length=1024)


class InvitationCreate(BaseModel):
    email: Email
    roles: list[Role] = Field(min_length=1)
    producer_ids: list[uuid.UUID] = []
    tenant_id: uuid.UUID | None = Field(
        default=None, description="Operators only: the tenant the invitation is for."
    )


class InvitationCreated(BaseModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    email: str
    roles: list[str]
    expires_at: datetime
    token: str = Field(description="Shown once: send it to the invitee, it is not stored.")
    accept_path: str = Field(description="POST here with a password to accept.")


class InvitationAccept(BaseModel):
    password: NewPassword


class UserCreate(BaseModel):
    email: Email
    password: NewPassword
    name: str | None = Field(default=None, max_length=200)
    roles: list[Role] = Field(min_length=1)
    producer_ids: list[uuid.UUID] = []
    tenant_id: uuid.UUID | None = Field(
        default=None, description="Operators only: the tenant to add the user to."
    )


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    tenant_id: uuid.UUID | None
    email: str
    name: str | None = None
    roles: list[str]
    producer_ids: list[uuid.UUID]
    is_active: bool
    status: UserStatus = Field(
        default="active",
        description="`deleted`: an anonymised ex-user kept so the rows naming it stay whole.",
    )
    mfa_enabled: bool = False
    created_at: datetime
