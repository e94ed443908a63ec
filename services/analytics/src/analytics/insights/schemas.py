"""DTOs of platform insight snapshots."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BIGINT = 2**63  # the `value` column is a PostgreSQL bigint
OwnerKind = Literal["town", "shop", "staff"]
# A kind this version does not know is counted as the town's, as before owners were sent.
OWNER_KINDS: dict[str, OwnerKind] = {"town": "town", "shop": "shop", "staff": "staff"}


class SnapshotIn(BaseModel):
    channel_id: uuid.UUID
    platform: str = Field(max_length=16)
    owner_kind: OwnerKind = "town"
    object_kind: Literal["account", "post"]
    object_id: str = Field(max_length=128)
    metric: str = Field(max_length=64)
    value: int = Field(ge=-BIGINT, lt=BIGINT)
    api_version: str = Field(max_length=32)
    taken_at: datetime


class SnapshotBatch(BaseModel):
    items: list[SnapshotIn] = Field(max_length=1000)


class SnapshotRead(SnapshotIn):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
