"""HTTP DTOs of the gateway."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from kit.storedomains import StoreDomain

Role = Literal[
    "operator", "admin", "editor", "writer", "photographer", "staff", "producer", "analyst"
]
ROLES: frozenset[str] = frozenset(get_args(Role))
TenantStatus = Literal["active", "suspended"]
UserStatus = Literal["active", "deactivated", "deleted"]
Translations = dict[str, str]
# An API key reaches an operation only with its scope (kit.policy.SCOPES): `gateway:*` for the
# gateway's own routes (users, keys, tenants), `<service>:*` for the paths routed to a service.
Scope = Literal[
    "*",
    "gateway:read",
    "gateway:write",
    "catalog:read",
    "catalog:write",
    "publisher:read",
    "publisher:write",
    "analytics:read",
    "analytics:write",
]
# Paths the gateway serves itself at the top level, which `/{town}` must never shadow.
RESERVED_SLUGS = frozenset(
    {
        "v1",
        "public",
        "r",
        "webhooks",
        "docs",
        "problems",
        "healthz",
        "readyz",
        "metrics",
        "api",
        "static",
    }
)

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


def _not_reserved(value: str) -> str:
    if value in RESERVED_SLUGS:
        raise ValueError(f"{value!r} is reserved for the gateway's own paths")
    return value


def _https_url(value: str) -> str:
    if not re.fullmatch(r"https://[^\s/?#]+(?:[/?#]\S*)?", value):
        raise ValueError("must be an https:// URL")
    return value


Slug = Annotated[
    str,
    Field(min_length=2, max_length=63, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    AfterValidator(_not_reserved),
]
Limits = dict[str, Annotated[int, Field(ge=0)]]
Locale = Annotated[
    str, Field(min_length=2, max_length=16, pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")
]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")]
HttpsUrl = Annotated[str, Field(max_length=2048), AfterValidator(_https_url)]
PlanName = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z0-9][a-z0-9_-]*$")]


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


def _names_have_text(value: Translations) -> Translations:
    if not any(v.strip() for v in value.values()):
        raise ValueError("needs text in at least one language")
    return value


class TenantProfile(BaseModel):
    """What a town is: the settings a playbook carries to a new partner, too."""

    timezone: Timezone = "Asia/Tokyo"
    country: Country | None = Field(default="JP", examples=["JP"])
    locales: list[Locale] = Field(default=["ja", "en", "ko"], min_length=1)
    fallback_locale: Locale | None = Field(
        default=None, description="Language of a visitor none of `locales` suits; unset: first."
    )
    currency: Currency = "JPY"


class TenantCreate(TenantProfile):
    slug: Slug = Field(examples=["takeo"])
    name: Translations = Field(examples=[{"ja": "武雄市", "en": "Takeo City"}])
    population: int | None = Field(default=None, ge=0, le=2**31 - 1)  # an integer column
    allowed_store_domains: list[StoreDomain] = Field(
        default=[], examples=[["store.shopping.yahoo.co.jp"]]
    )
    primary_social_url: HttpsUrl | None = Field(
        default=None, description="Where `/{slug}` redirects: the town's main social page."
    )
    plan: PlanName = "town"
    limits: Limits | None = Field(
        default=None, description="Per-tenant overrides of the plan's quotas; unset: none."
    )
    from_playbook: dict[str, Any] | None = Field(
        default=None,
        description="A document from GET /v1/tenants/{id}/playbook: its settings and each"
        " service's section are applied to the new tenant.",
    )

    _name = field_validator("name")(_names_have_text)


class TenantUpdate(BaseModel):
    name: Translations | None = None
    timezone: Timezone | None = None
    country: Country | None = None
    locales: list[Locale] | None = Field(default=None, min_length=1)
    fallback_locale: Locale | None = None
    currency: Currency | None = None
    population: int | None = Field(default=None, ge=0, le=2**31 - 1)  # an integer column
    allowed_store_domains: list[StoreDomain] | None = None
    primary_social_url: HttpsUrl | None = None
    plan: PlanName | None = None
    limits: Limits | None = None
    status: TenantStatus | None = None
    mfa_required: bool | None = Field(
        default=None, description="Admins and editors must log in with a TOTP second factor."
    )


class TenantRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: Translations
    timezone: str
    country: str | None
    locales: list[str]
    fallback_locale: str
    currency: str
    population: int | None
    allowed_store_domains: list[str]
    primary_social_url: str | None
    plan: str
    limits: dict[str, Any] = Field(description="Overrides of the plan's quotas.")
    effective_limits: dict[str, int] = Field(description="The plan's quotas with the overrides.")
    features: list[str]
    status: str
    suspended_at: datetime | None
    created_at: datetime
    mfa_required: bool = Field(description="Admins and editors log in with a second factor.")


class TenantCreated(TenantRead):
    playbook: dict[str, Any] | None = Field(
        default=None, description="With `from_playbook`: which sections were applied or skipped."
    )


class PlanWrite(BaseModel):
    description: str = Field(default="", max_length=500)
    limits: Limits = Field(
        examples=[{"active_products": 1000, "staff_users": 50, "api_requests_per_minute": 600}]
    )
    features: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]] = Field(
        default=[], examples=[["line_broadcast", "insights"]]
    )


class PlanRead(PlanWrite):
    model_config = ConfigDict(from_attributes=True)

    name: str


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


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    roles: list[Role] = Field(min_length=1)
    scopes: list[Scope] = Field(
        default=["*"], min_length=1, description="Services and access it may use; `*`: all."
    )


class ApiKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    roles: list[str]
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="`mk_<prefix>_<secret>`; shown once, store it now.")


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


class PlaybookSkipped(BaseModel):
    section: str
    reason: str


class PlaybookDocument(BaseModel):
    """A tenant's reusable model: its settings and each service's section (`machi.playbook`)."""

    format: Literal["machi.playbook"]
    version: int
    exported_at: datetime
    source: dict[str, str] = Field(description="Where it came from: the town's `slug`.")
    tenant: dict[str, Any] = Field(
        description="timezone, country, locales, fallback_locale, currency, plan"
    )
    sections: dict[str, dict[str, Any] | None] = Field(
        description="By service (catalog, publisher, analytics); null when skipped."
    )
    skipped: list[PlaybookSkipped]
