"""HTTP DTOs of CSV imports."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field


class RowErrorRead(BaseModel):
    row: int = Field(description="Line of the file; the header is row 1")
    column: str
    reason: str


class ImportRead(BaseModel):
    """An import's progress and report: `status` pending -> validating -> applying ->
    succeeded | failed; `processed_rows` of `total_rows` counts within the current phase."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str | None
    status: str
    total_rows: int
    processed_rows: int
    errors: list[RowErrorRead]
    summary: dict[str, Any]
    publish: bool = Field(
        default=False, description="Publishes what the file creates or updates (`publish=true`)"
    )
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def progress(self) -> float:
        """Share of the current phase done, 0.0 to 1.0."""
        if self.status == "succeeded":
            return 1.0
        return round(self.processed_rows / self.total_rows, 4) if self.total_rows else 0.0
