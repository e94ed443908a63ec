"""Playbook tables: the post templates and channel plans a town keeps for reuse."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Timestamps, UUIDPrimaryKey
from kit.tenancy import TenantScoped
from publisher.models import Base


class PostTemplate(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A named post template with its campaign cadence (no start date) and language."""

    __tablename__ = "post_templates"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(Text)
    # A platform's own wording (platform -> text), used instead of `template` on its channels.
    platform_texts: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    cadence: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    language: Mapped[str] = mapped_column(String(8))


class ChannelPlan(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A channel the town means to connect: the policy and weekly slots it will take."""

    __tablename__ = "channel_plans"
    __table_args__ = (UniqueConstraint("tenant_id", "platform", "name"),)

    platform: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    owner_kind: Mapped[str] = mapped_column(String(10))
    approval_policy: Mapped[str] = mapped_column(String(10))
    slots: Mapped[list[Any]] = mapped_column(JSONB, default=list)  # [{weekday, local_time}]
