"""HTTP DTOs of logins and tokens."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gateway.schemas import Email


class TokenRequest(BaseModel):
    """Login as JSON; the OAuth2 password form (`username`, `password`, `totp_code`) is
    accepted too."""

    email: Email
    password: str = Field(min_length=1, max_length=1024)
    totp_code: str | None = Field(
        default=None,
        max_length=32,
        description="For an account with a second factor: the 6-digit TOTP code, or one of its"
        " recovery codes. Without it such an account gets 401 `mfa-required`.",
        examples=["492039"],
    )


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class TokenRead(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds the access token stays valid.")
    refresh_token: str
    mfa_enrolment_required: bool = Field(
        default=False,
        description="The town requires a second factor for this account's role and it has none:"
        " these tokens reach only `/v1/me` and `/v1/me/mfa/totp*` until it is enrolled.",
    )


Language = Literal["ja", "ko", "en"]  # the console's languages


class MeRead(BaseModel):
    """The caller as the gateway resolved it."""

    sub: str = Field(description="User id or API key id.")
    kind: Literal["user", "key"]
    user_id: uuid.UUID | None
    email: str | None
    tenant_id: uuid.UUID | None
    roles: list[str]
    producer_ids: list[uuid.UUID]
    limits: dict[str, int]
    features: list[str] = Field(description="The plan's features, e.g. line_broadcast.")
    mfa_enabled: bool = Field(
        default=False, description="The user has a second factor (TOTP); false for a key."
    )
    language: Language | None = Field(
        default=None,
        description="The language the user chose for the console; none: the browser's.",
    )


class MeUpdate(BaseModel):
    """What a user changes of their own account here; fields not sent stay as they are."""

    model_config = ConfigDict(extra="forbid")

    language: Language | None = Field(
        default=None, description="`ja`, `ko` or `en`; `null` goes back to the browser's."
    )


class Jwk(BaseModel):
    """One EC P-256 public key (RFC 7517, RFC 7518 section 6.2)."""

    model_config = ConfigDict(extra="allow")

    kty: Literal["EC"]
    crv: str
    x: str
    y: str
    kid: str
    use: Literal["sig"]
    alg: str


class Jwks(BaseModel):
    keys: list[Jwk]
