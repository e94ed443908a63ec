"""Playbooks: a tenant's reusable model as one versioned JSON document, and its import into a
new partner tenant ("sell the model to 60 towns").

    {"format": "machi.playbook", "version": 1,
     "tenant": {timezone, country, locales, fallback_locale, currency, plan},
     "sections": {"catalog": ..., "publisher": ..., "analytics": ...},
     "skipped": [{"section": "analytics", "reason": "..."}]}

The gateway owns the envelope and the tenant settings; each service owns its section, served by
its `GET /v1/playbook` and applied by its `PUT /v1/playbook` (categories; templates, cadences,
slots, channel kinds and approval policies; report settings). A section a service could not
give or take is recorded as skipped, never fatal: the tenant exists either way.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

from gateway.routes import UPSTREAMS
from gateway.tenants.schemas import TenantCreate, TenantRead
from gateway.upstream import ServiceCaller, Unavailable, gateway_acting_for
from kit.errors import InvalidInput

FORMAT = "machi.playbook"
VERSION = 1
PATH = "/v1/playbook"
# Tenant settings a partner town takes over unless its creation request says otherwise.
PROFILE_FIELDS = ("timezone", "country", "locales", "fallback_locale", "currency", "plan")
ROLE = "admin"


async def export(services: ServiceCaller, tenant: TenantRead) -> dict[str, Any]:
    """The playbook of `tenant`: its settings and every service's section."""
    who = gateway_acting_for(tenant.id, ROLE)
    answers = await asyncio.gather(*(services.call(name, "GET", PATH, who) for name in UPSTREAMS))
    sections: dict[str, Any] = {}
    skipped: list[dict[str, str]] = []
    for name, answer in zip(UPSTREAMS, answers, strict=True):
        if isinstance(answer, Unavailable):
            sections[name] = None
            skipped.append({"section": name, "reason": answer.reason})
        else:
            sections[name] = answer
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "source": {"slug": tenant.slug},
        "tenant": {field: getattr(tenant, field) for field in PROFILE_FIELDS},
        "sections": sections,
        "skipped": skipped,
    }


def check(document: dict[str, Any]) -> dict[str, Any]:
    """`document` if it is a playbook this version reads; 400 otherwise."""
    if document.get("format") != FORMAT:
        raise InvalidInput(f"from_playbook is not a {FORMAT} document")
    if document.get("version") != VERSION:
        raise InvalidInput(f"playbook version {document.get('version')!r}: this gateway reads 1")
    if not isinstance(document.get("tenant", {}), dict):
        raise InvalidInput("playbook `tenant` must be an object")
    if not isinstance(document.get("sections", {}), dict):
        raise InvalidInput("playbook `sections` must be an object")
    return document


def with_profile(data: TenantCreate, document: dict[str, Any]) -> TenantCreate:
    """`data` with the playbook's tenant settings wherever the request left them unset."""
    settings = document.get("tenant") or {}
    taken = {
        field: settings[field]
        for field in PROFILE_FIELDS
        if field in settings and field not in data.model_fields_set
    }
    merged = {**data.model_dump(exclude={"from_playbook"}, exclude_unset=True), **taken}
    try:
        return TenantCreate.model_validate(merged)
    except ValueError as exc:
        raise InvalidInput(f"the playbook's tenant settings are not valid: {exc}") from exc


async def apply(
    services: ServiceCaller, tenant_id: uuid.UUID, document: dict[str, Any]
) -> dict[str, Any]:
    """Put each section of `document` into the new tenant's services; say what was skipped."""
    sections: dict[str, Any] = document.get("sections") or {}
    who = gateway_acting_for(tenant_id, ROLE)
    present = [name for name in UPSTREAMS if sections.get(name) is not None]
    answers = await asyncio.gather(
        *(services.call(name, "PUT", PATH, who, json=sections[name]) for name in present)
    )
    applied: list[str] = []
    skipped = [
        {"section": name, "reason": "not in the playbook"}
        for name in UPSTREAMS
        if name not in present
    ]
    for name, answer in zip(present, answers, strict=True):
        if isinstance(answer, Unavailable):
            skipped.append({"section": name, "reason": answer.reason})
        else:
            applied.append(name)
    return {"applied": applied, "skipped": skipped}
