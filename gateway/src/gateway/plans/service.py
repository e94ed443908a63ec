"""Plans: the licence levels, their quotas and features. Never commits: the boundary does;
a change tells each tenant on the plan its new quotas through the outbox."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.gateway import PlanChangedV1
from gateway import access, authn
from gateway.errors import PlanNotFound
from gateway.plans import repository as plans_repo
from gateway.plans.models import Plan
from gateway.plans.schemas import PlanWrite
from gateway.tenants import repository as tenants_repo
from gateway.tenants.models import Tenant
from kit.auth import InternalPrincipal
from kit.events import outbox


async def page_plans(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Plan], str | None]:
    """One page of the plans, by name."""
    return await plans_repo.page_plans(session, cursor=cursor, limit=limit)


async def put_plan(
    session: AsyncSession, caller: InternalPrincipal, name: str, data: PlanWrite
) -> Plan:
    """Create or change a plan (operator only); each tenant on it is told its new quotas."""
    access.require_operator(caller)
    plan = await plans_repo.get_plan(session, name)
    if plan is None:
        plan = Plan(name=name)
        session.add(plan)
    plan.description = data.description
    plan.limits = dict(data.limits)
    plan.features = sorted(set(data.features))
    await session.flush()
    for tenant in await tenants_repo.list_tenants_on_plan(session, name):
        await announce_plan(session, tenant, plan)
    return plan


async def plan_named(session: AsyncSession, name: str) -> Plan:
    """The plan with this name; 404 `unknown-plan` when there is none."""
    plan = await plans_repo.get_plan(session, name)
    if plan is None:
        raise PlanNotFound(f"no plan {name!r}")
    return plan


async def announce_plan(session: AsyncSession, tenant: Tenant, plan: Plan | None) -> None:
    """Tell the services `tenant`'s quotas and features (`gateway.tenant.plan_changed.v1`)."""
    await outbox.add(
        session,
        PlanChangedV1(
            plan=tenant.plan,
            limits=authn.effective_limits(tenant, plan),
            features=authn.features(plan),
        ),
        tenant_id=tenant.id,
    )
