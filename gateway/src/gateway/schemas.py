"""Field types the gateway's DTOs share (each feature keeps its DTOs in its own `schemas.py`)."""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field

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
