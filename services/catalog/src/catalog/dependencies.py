"""Request-level dependencies of the catalog: its settings and the caller's view."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Header, Query, Request

from catalog.i18n import preference
from catalog.present import View
from catalog.settings import CatalogSettings
from catalog.tenants import service as tenants
from kit.dependencies import PrincipalDep, SessionDep


async def catalog_settings(request: Request) -> CatalogSettings:
    settings: CatalogSettings = request.app.state.catalog_settings
    return settings


SettingsDep = Annotated[CatalogSettings, Depends(catalog_settings)]


async def view(
    settings: SettingsDep,
    session: SessionDep,
    principal: PrincipalDep,
    lang: Annotated[
        str | None, Query(min_length=2, max_length=8, description="Language to show (ja, ko, en)")
    ] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> View:
    """Language from `?lang=`, then Accept-Language, then the tenant's fallback and locales."""
    tenant = await tenants.languages(session, principal.tenant_id, settings.fallback_language)
    return View(
        language=preference(lang, accept_language, tenant.fallback, tenant.locales),
        public_base_url=settings.public_base_url,
        timezone=ZoneInfo(tenant.timezone or settings.timezone),
        now=datetime.now(UTC),
    )


ViewDep = Annotated[View, Depends(view)]
