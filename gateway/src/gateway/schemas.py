"""HTTP DTOs of the gateway."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

Role = Literal[
    "operator", "admin", "editor", "writer", "photographer", "staff", "producer", "analyst"
]
ROLES: frozenset[str] = frozenset(get_args(Role))
TenantStatus = Literal["active", "suspended"]
Translations = dict[str, str]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(value: str) -> str:
    """The stored form of an email: trimmed and lowercased (the table enforces lowercase)."""
    email = value.strip().lower()
    if not _EMAIL.match(email):
        raise ValueError("is not an email address")
    return email


def _known_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{value!r} is not an IANA time zone") from exc
    return value


Email = Annotated[str, Field(max_length=320), AfterValidator(normalize_email)]
# Argon2 accepts any length; the cap only bounds the work one request can ask for.
NewPassword = Annotated[str, Field(min_length=8, max_length=1024)]
Timezone = Annotated[str, AfterValidator(_known_timezone)]
Slug = Annotated[str, Field(min_length=2, max_length=63, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Limits = dict[str, Annotated[int, Field(ge=0)]]


class TokenRequest(BaseModel):
    """Login as JSON; the OAuth2 password form (`username`, `password`) is accepted too."""

    email: Email
    password: str = Field(min_length=1, max_length=1024)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class TokenRead(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds the access token stays valid.")
    refresh_token: str


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


class TenantCreate(BaseModel):
    slug: Slug = Field(examples=["takeo"])
    name: Translations = Field(examples=[{"ja": "武雄市", "en": "Takeo City"}])
    timezone: Timezone = "Asia/Tokyo"
    population: int | None = Field(default=None, ge=0)
    plan: str = Field(default="town", min_length=1, max_length=32)
    limits: Limits | None = Field(default=None, description="Unset: the plan's default quotas.")

    @field_validator("name")
    @classmethod
    def _has_text(cls, value: Translations) -> Translations:
        if not any(v.strip() for v in value.values()):
            raise ValueError("needs text in at least one language")
        return value


class TenantUpdate(BaseModel):
    name: Translations | None = None
    timezone: Timezone | None = None
    population: int | None = Field(default=None, ge=0)
    plan: str | None = Field(default=None, min_length=1, max_length=32)
    limits: Limits | None = None
    status: TenantStatus | None = None


class TenantRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: Translations
    timezone: str
    population: int | None
    plan: str
    limits: dict[str, Any]
    status: str
    created_at: datetime


class UserCreate(BaseModel):
    email: Email
    password: NewPassword
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
    roles: list[str]
    producer_ids: list[uuid.UUID]
    is_active: bool
    created_at: datetime


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    roles: list[Role] = Field(min_length=1)


class ApiKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    roles: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="`mk_<prefix>_<secret>`; shown once, store it now.")
