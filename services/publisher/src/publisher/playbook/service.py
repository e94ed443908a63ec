"""The publisher's section of a playbook: post templates with cadences and languages, channel
kinds with approval policies and weekly slots, and the reusable publishing settings.

A partner town has no accounts yet, so channels arrive as plans; a channel connected later with
the plan's platform and name (else platform and owner kind) takes its policy and slots.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import Conflict
from publisher.models import Channel, Slot
from publisher.playbook import repository
from publisher.playbook.models import ChannelPlan, PostTemplate
from publisher.playbook.schemas import (
    ChannelKind,
    PublisherPlaybookApplied,
    PublisherSection,
    PublishingDefaults,
    TemplateCadence,
    TemplateSpec,
    WeeklySlot,
)
from publisher.tenants import repository as tenants_repo


def _spec(template: PostTemplate) -> TemplateSpec:
    return TemplateSpec(
        name=template.name,
        template=template.template,
        platform_texts=dict(template.platform_texts or {}),
        cadence=TemplateCadence.model_validate(template.cadence or {}),
        language=template.language,
    )


def _cadence(cadence: dict[str, Any]) -> TemplateCadence:
    """A campaign's cadence less its start date, which belongs to that campaign only."""
    return TemplateCadence.model_validate(
        {k: v for k, v in cadence.items() if k in TemplateCadence.model_fields}
    )


async def export_templates(session: AsyncSession) -> list[TemplateSpec]:
    """Stored templates, then the campaigns' (first campaign of a name wins), by name."""
    found = {t.name: _spec(t) for t in await repository.templates(session)}
    for campaign in await repository.campaigns(session):
        found.setdefault(
            campaign.name,
            TemplateSpec(
                name=campaign.name,
                template=campaign.template,
                cadence=_cadence(campaign.cadence or {}),
                language=campaign.language,
            ),
        )
    return [found[name] for name in sorted(found)]


def _weekly(slots: list[WeeklySlot]) -> list[WeeklySlot]:
    unique = {(s.weekday, s.local_time) for s in slots}
    return [WeeklySlot(weekday=d, local_time=t) for d, t in sorted(unique)]


async def export_channels(session: AsyncSession) -> list[ChannelKind]:
    """The tenant's channels (the oldest of a platform and name wins), then its plans."""
    by_channel: dict[object, list[WeeklySlot]] = {}
    for slot in await repository.slots(session):
        by_channel.setdefault(slot.channel_id, []).append(
            WeeklySlot(weekday=slot.weekday, local_time=slot.local_time)
        )
    found: dict[tuple[str, str], ChannelKind] = {}
    for channel in await repository.channels(session):
        found.setdefault(
            (channel.platform, channel.name),
            ChannelKind.model_validate(
                {
                    "platform": channel.platform,
                    "name": channel.name,
                    "owner_kind": channel.owner_kind,
                    "approval_policy": channel.approval_policy,
                    "slots": _weekly(by_channel.get(channel.id, [])),
                }
            ),
        )
    for plan in await repository.plans(session):
        found.setdefault((plan.platform, plan.name), ChannelKind.model_validate(plan_dict(plan)))
    return [found[key] for key in sorted(found)]


def plan_dict(plan: ChannelPlan) -> dict[str, Any]:
    return {
        "platform": plan.platform,
        "name": plan.name,
        "owner_kind": plan.owner_kind,
        "approval_policy": plan.approval_policy,
        "slots": plan.slots or [],
    }


async def export(session: AsyncSession) -> PublisherSection:
    """The tenant's publisher section, in a stable order (export, apply, export is equal)."""
    row = await tenants_repo.get(session)
    settings = (
        PublishingDefaults(
            auto_draft_on_publish=row.auto_draft_on_publish,
            default_language=row.default_language,
        )
        if row is not None
        else PublishingDefaults()
    )
    return PublisherSection(
        settings=settings,
        templates=await export_templates(session),
        channels=await export_channels(session),
    )


async def apply(
    session: AsyncSession, section: PublisherSection, default_timezone: str
) -> PublisherPlaybookApplied:
    """Merge `section` into the tenant; applying it twice equals once."""
    # Settings are set, missing templates created (existing ones kept), channel plans created
    # or brought to the section's policy and slots.
    row = await tenants_repo.ensure(session, default_timezone)
    row.auto_draft_on_publish = section.settings.auto_draft_on_publish
    row.default_language = section.settings.default_language
    have = {t.name for t in await repository.templates(session)}
    created = 0
    for spec in section.templates:
        if spec.name in have:
            continue
        session.add(_template_row(spec))
        have.add(spec.name)
        created += 1
    plans = {(p.platform, p.name): p for p in await repository.plans(session)}
    plans_created = plans_updated = 0
    for kind in section.channels:
        values = {
            "owner_kind": kind.owner_kind,
            "approval_policy": kind.approval_policy,
            "slots": [s.model_dump() for s in _weekly(kind.slots)],
        }
        plan = plans.get((kind.platform, kind.name))
        if plan is None:
            plan = ChannelPlan(platform=kind.platform, name=kind.name, **values)
            session.add(plan)
            plans[(kind.platform, kind.name)] = plan
            plans_created += 1
        elif any(getattr(plan, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(plan, key, value)
            plans_updated += 1
    await session.flush()
    return PublisherPlaybookApplied(
        templates_created=created,
        templates_kept=len(section.templates) - created,
        channel_plans_created=plans_created,
        channel_plans_updated=plans_updated,
    )


def _template_row(spec: TemplateSpec) -> PostTemplate:
    return PostTemplate(
        name=spec.name,
        template=spec.template,
        platform_texts=dict(spec.platform_texts),
        cadence=spec.cadence.model_dump(),
        language=spec.language,
    )


async def add_template(session: AsyncSession, spec: TemplateSpec) -> PostTemplate:
    """Store a named template; a name is used once per tenant (409)."""
    if await repository.template_named(session, spec.name) is not None:
        raise Conflict(f"a template named {spec.name!r} exists")
    template = _template_row(spec)
    session.add(template)
    await session.flush()
    await session.refresh(template)
    return template


async def adopt_plan(session: AsyncSession, channel: Channel, *, take_policy: bool) -> None:
    """Give a new `channel` its plan's weekly slots (and policy, when `take_policy`)."""
    # The plan matches by platform and name, else by platform and owner kind.
    plans = [p for p in await repository.plans(session) if p.platform == channel.platform]
    plan = next((p for p in plans if p.name == channel.name), None) or next(
        (p for p in plans if p.owner_kind == channel.owner_kind), None
    )
    if plan is None:
        return
    if take_policy:
        channel.approval_policy = plan.approval_policy
    for slot in plan.slots or []:
        session.add(
            Slot(channel_id=channel.id, weekday=slot["weekday"], local_time=slot["local_time"])
        )
    await session.flush()
