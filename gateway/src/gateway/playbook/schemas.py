"""HTTP DTOs of playbooks."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


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
