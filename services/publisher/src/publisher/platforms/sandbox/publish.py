"""The sandbox platform: publishes to a feed inside Machi, so the demo works offline.

Its commit is idempotent by construction: one feed row per delivery (unique delivery id).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.dialects.postgresql import insert

from kit.db import Database
from publisher.models import SandboxPost
from publisher.platforms.base import Adapter, Published, PublishRequest
from publisher.platforms.http import HttpClient
from publisher.platforms.sandbox.rules import RULES


class SandboxAdapter(Adapter):
    platform = "sandbox"
    rules = RULES
    idempotent_commit = True

    def __init__(self, http: HttpClient, base_url: str, db: Database) -> None:
        super().__init__(http, base_url)
        self.db = db

    def rate_keys(self, request: PublishRequest) -> list[str]:
        return []

    async def commit(self, request: PublishRequest) -> Published:
        tenant = uuid.UUID(request.tenant_id)
        async with self.db.transaction(tenant) as session:
            await session.execute(
                insert(SandboxPost)
                .values(
                    id=uuid.uuid4(),
                    tenant_id=tenant,
                    delivery_id=uuid.UUID(request.delivery_id),
                    channel_id=uuid.UUID(request.channel_id),
                    text=request.text,
                    created_at=datetime.now(UTC),
                )
                .on_conflict_do_nothing(index_elements=["delivery_id"])
            )
        return Published(f"sandbox:{request.delivery_id}")
