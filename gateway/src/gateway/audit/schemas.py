"""What the audit log API shows."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

# The CSV's columns, in order (`before` and `after` as JSON text).
COLUMNS = (
    "id",
    "created_at",
    "tenant_id",
    "actor",
    "action",
    "target",
    "status",
    "ip",
    "request_id",
    "method",
    "path",
    "before",
    "after",
)


class AuditEventRead(BaseModel):
    """One recorded action: who (`user:<id>` or `key:<id>`), what, on which target, when, from
    which address, under which request id; settings changes carry `before` and `after`."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    tenant_id: uuid.UUID | None
    actor: str
    action: str
    target: str
    status: int | None
    ip: str
    request_id: str
    method: str
    path: str
    before: Any | None = None
    after: Any | None = None
