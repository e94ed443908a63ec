"""The platform operator's calls to the gateway through the typed client: towns (tenants) and
their playbooks, plans, and monthly usage for the invoices."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.invitations import invitations_create
from machi_client.api.plans import plans_list, plans_set
from machi_client.api.tenants import (
    tenants_create,
    tenants_get,
    tenants_list,
    tenants_playbook,
    tenants_reactivate,
    tenants_suspend,
    tenants_update,
    tenants_usage,
)
from machi_client.api.usage import usage_list
from machi_client.api.users import users_list
from machi_client.models import (
    InvitationCreate,
    InvitationCreated,
    InvitationCreateRolesItem,
    PagePlanRead,
    PageTenantRead,
    PageUserRead,
    PlanRead,
    PlanWrite,
    PlanWriteLimits,
    PlaybookDocument,
    ServiceUsage,
    TenantCreate,
    TenantCreated,
    TenantCreateFromPlaybookType0,
    TenantCreateName,
    TenantRead,
    TenantUpdate,
    TenantUsage,
    UserRead,
)
from machi_client.types import UNSET
from web.gateway import ApiError, parsed
from web.i18n import N_

# The usage report's numbers in words (the CSV keeps the `service.metric` names).
METRICS = {
    "gateway.api_calls": N_("API calls"),
    "catalog.products": N_("Products"),
    "catalog.active_products": N_("Products on sale"),
    "catalog.producers": N_("Producers"),
    "catalog.places": N_("Places"),
    "catalog.media_uploads": N_("Photos uploaded"),
    "catalog.media_bytes": N_("Photo storage (bytes)"),
    "catalog.imported_rows": N_("Rows imported"),
    "analytics.posts_published": N_("Posts published"),
    "analytics.deliveries_published": N_("Deliveries published"),
    "analytics.tracked_clicks": N_("Clicks"),
    "analytics.active_products": N_("Products clicked"),
}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
LIMIT_LINE = re.compile(r"^\s*([a-z0-9_]+)\s*[=:]\s*(\d{1,12})\s*$")


def town_name(tenant: TenantRead | TenantCreated, language: str) -> str:
    """The town's name in `language`, else in its own fallback language, else its slug."""
    names = tenant.name.additional_properties
    return names.get(language) or names.get(tenant.fallback_locale) or tenant.slug


async def towns(api: AuthenticatedClient) -> list[TenantRead]:
    """Every town on the platform, by slug."""
    found: list[TenantRead] = []
    cursor: str | None = None
    while True:
        answer = await tenants_list.asyncio_detailed(client=api, limit=200, cursor=cursor or UNSET)
        page = parsed(answer, PageTenantRead)
        found.extend(page.items)
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
        if not cursor:
            return found


async def town(api: AuthenticatedClient, tenant_id: UUID) -> TenantRead:
    return parsed(await tenants_get.asyncio_detailed(tenant_id, client=api), TenantRead)


async def town_users(api: AuthenticatedClient, tenant_id: UUID) -> list[UserRead]:
    """The town's users (its admin, once they accepted the invitation)."""
    answer = await users_list.asyncio_detailed(client=api, tenant_id=tenant_id, limit=200)
    return [u for u in parsed(answer, PageUserRead).items if u.status != "deleted"]


@dataclass(frozen=True)
class NewTown:
    """The new-town form as typed: blank fields are left to the playbook (or the defaults)."""

    slug: str
    names: dict[str, str]
    playbook_from: str = ""  # a town's id, or "" for none
    plan: str = ""
    timezone: str = ""
    population: str = ""
    admin_email: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    def checked(self) -> NewTown:
        """The form with its mistakes named (by field), before anything is sent."""
        errors: dict[str, str] = {}
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", self.slug) or len(self.slug) < 2:
            errors["slug"] = N_("Use 2 or more lower-case letters, digits and hyphens.")
        if not any(self.names.values()):
            errors["names"] = N_("Give the town's name in at least one language.")
        if self.population and not (self.population.isdigit() and len(self.population) < 10):
            errors["population"] = N_("Write the population as a whole number.")
        if self.playbook_from and not _is_uuid(self.playbook_from):
            errors["playbook_from"] = N_("Choose a town from the list.")
        if self.admin_email and "@" not in self.admin_email:
            errors["admin_email"] = N_("Write an email address.")
        return NewTown(**{**self.__dict__, "errors": errors})


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True


async def playbook(api: AuthenticatedClient, tenant_id: UUID) -> dict[str, Any]:
    """The town's playbook document, as the API exports it."""
    answer = await tenants_playbook.asyncio_detailed(tenant_id, client=api)
    return parsed(answer, PlaybookDocument).to_dict()


async def create_town(api: AuthenticatedClient, form: NewTown) -> TenantCreated:
    """The new town, from another town's playbook when one is chosen; what the form leaves
    blank is the playbook's (or the platform's default)."""
    document = await playbook(api, UUID(form.playbook_from)) if form.playbook_from else None
    body = TenantCreate(
        slug=form.slug,
        name=TenantCreateName.from_dict({k: v for k, v in form.names.items() if v}),
        from_playbook=TenantCreateFromPlaybookType0.from_dict(document) if document else UNSET,
        plan=form.plan or UNSET,
        timezone=form.timezone or UNSET,
        population=int(form.population) if form.population else UNSET,
        # unset, so that the playbook's (or the API's default) is taken
        country=UNSET,
        currency=UNSET,
    )
    return parsed(await tenants_create.asyncio_detailed(client=api, body=body), TenantCreated)


async def invite_admin(api: AuthenticatedClient, tenant_id: UUID, email: str) -> InvitationCreated:
    """Invite the town's first admin; the mail carries the code, the answer has it once."""
    body = InvitationCreate(
        email=email, roles=[InvitationCreateRolesItem.ADMIN], tenant_id=tenant_id
    )
    answer = await invitations_create.asyncio_detailed(client=api, body=body)
    return parsed(answer, InvitationCreated)


async def change_plan(api: AuthenticatedClient, tenant_id: UUID, plan: str) -> TenantRead:
    body = TenantUpdate(plan=plan)
    return parsed(
        await tenants_update.asyncio_detailed(tenant_id, client=api, body=body), TenantRead
    )


async def suspend(api: AuthenticatedClient, tenant_id: UUID) -> TenantRead:
    """The town's users and keys stop working; its public pages go quiet; data is kept."""
    return parsed(await tenants_suspend.asyncio_detailed(tenant_id, client=api), TenantRead)


async def reactivate(api: AuthenticatedClient, tenant_id: UUID) -> TenantRead:
    return parsed(await tenants_reactivate.asyncio_detailed(tenant_id, client=api), TenantRead)


async def plans(api: AuthenticatedClient) -> list[PlanRead]:
    """Every plan, by name."""
    return list(
        parsed(await plans_list.asyncio_detailed(client=api, limit=200), PagePlanRead).items
    )


@dataclass(frozen=True)
class PlanForm:
    """A plan's form as typed: limits one `name = number` a line, features by commas."""

    name: str
    description: str = ""
    limits: str = ""
    features: str = ""

    def body(self) -> PlanWrite:
        """The plan to send; a line that is not `name = number` is an error in words."""
        limits: dict[str, int] = {}
        for line in self.limits.splitlines():
            if not line.strip():
                continue
            found = LIMIT_LINE.match(line)
            if found is None:
                raise ApiError(422, N_("Write each limit as name = number, one a line."))
            limits[found.group(1)] = int(found.group(2))
        features = [f.strip() for f in self.features.replace("\n", ",").split(",") if f.strip()]
        return PlanWrite(
            limits=PlanWriteLimits.from_dict(limits),
            features=features,
            description=self.description.strip(),
        )

    @classmethod
    def of(cls, plan: PlanRead) -> PlanForm:
        lines = "\n".join(
            f"{k} = {v}" for k, v in sorted(plan.limits.additional_properties.items())
        )
        features = plan.features if isinstance(plan.features, list) else []
        description = plan.description if isinstance(plan.description, str) else ""
        return cls(plan.name, description, lines, ", ".join(features))


async def save_plan(api: AuthenticatedClient, form: PlanForm) -> PlanRead:
    """Create or change the plan; its towns' services hear of the new quotas."""
    answer = await plans_set.asyncio_detailed(form.name, client=api, body=form.body())
    return parsed(answer, PlanRead)


def month_or_now(month: str) -> str:
    """`month` (YYYY-MM) if it is one, else this month."""
    return month if MONTH.match(month) else datetime.now(UTC).strftime("%Y-%m")


@dataclass(frozen=True)
class UsageRow:
    """One town's month, flattened as the CSV is: `service.metric` -> number."""

    tenant_id: str
    slug: str
    plan: str
    numbers: dict[str, object]
    missing: dict[str, str]  # a service that did not report, and why


def _flat(row: TenantUsage) -> UsageRow:
    numbers: dict[str, object] = {"gateway.api_calls": row.gateway.api_calls}
    missing: dict[str, str] = {}
    for service, found in sorted(row.services.additional_properties.items()):
        if not isinstance(found, ServiceUsage):
            missing[service] = found.reason
            continue
        for metric, value in sorted(found.additional_properties.items()):
            if value is not None:
                numbers[f"{service}.{metric}"] = value
    return UsageRow(str(row.tenant_id), row.slug, row.plan, numbers, missing)


async def usage(api: AuthenticatedClient, month: str) -> tuple[list[str], list[UsageRow]]:
    """Every town's month side by side: the columns (as in the CSV) and a row per town."""
    answer = await usage_list.asyncio_detailed(client=api, month=month)
    if not isinstance(answer.parsed, list):
        raise ApiError.of(answer)
    rows = [_flat(row) for row in answer.parsed]
    columns = sorted({name for row in rows for name in row.numbers} - {"gateway.api_calls"})
    return ["gateway.api_calls", *columns], rows


async def town_usage(api: AuthenticatedClient, tenant_id: UUID, month: str) -> UsageRow:
    answer = await tenants_usage.asyncio_detailed(tenant_id, client=api, month=month)
    return _flat(parsed(answer, TenantUsage))


async def usage_csv(api: AuthenticatedClient, month: str, tenant_id: UUID | None = None) -> bytes:
    """The month's usage as the API writes it in CSV (every town's, or one town's)."""
    if tenant_id is None:
        request = usage_list._get_kwargs(month=month, format_="csv")
    else:
        request = tenants_usage._get_kwargs(tenant_id, month=month, format_="csv")
    # The generated parser reads JSON only: the CSV answer is taken as it comes.
    answer = await api.get_async_httpx_client().request(**request)
    if answer.status_code >= 300:
        raise ApiError(answer.status_code, answer.reason_phrase)
    return answer.content
