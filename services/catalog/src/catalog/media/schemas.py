"""HTTP DTOs of media."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class MediaRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    content_type: str
    width: int
    height: int
    size_bytes: int
    filename: str | None
    created_at: datetime
    updated_at: datetime
    urls: dict[str, str] = {}
