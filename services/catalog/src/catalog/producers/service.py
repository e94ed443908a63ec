"""Producer use cases: register, read and change a producer, and tell the other services.

Never commits: the request's session dependency does.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog import access
from catalog.errors import ProducerNotFound, SlugTaken
from catalog.models import Producer
from catalog.producers import repository
from catalog.producers.schemas import ProducerCreate, ProducerUpdate
from contracts.catalog import ProducerCreatedV1, ProducerUpdatedV1
from kit.auth import InternalPrincipal
from kit.events import outbox
from kit.preconditions import UNCONDITIONAL, IfMatch


async def create_producer(session: AsyncSession, data: ProducerCreate) -> Producer:
    """Register a producer (town staff only: the route requires a staff role)."""
    if data.code is not None and await repository.producer_code_exists(session, data.code):
        raise SlugTaken(f"a producer already uses the code {data.code!r}")
    producer = Producer(**data.model_dump())
    session.add(producer)
    await session.flush()
    await outbox.add(session, ProducerCreatedV1(**producer_fields(producer)))
    return producer


async def get_producer(
    session: AsyncSession,
    principal: InternalPrincipal,
    producer_id: uuid.UUID,
    *,
    lock: bool = False,
) -> Producer:
    """A producer the caller may see (another producer's is absent to a producer user)."""
    producer = await repository.get_producer(session, producer_id, lock=lock)
    if producer is None or not access.may_see_producer(principal, producer_id):
        raise ProducerNotFound(f"no producer {producer_id}")
    return producer


async def update_producer(
    session: AsyncSession,
    principal: InternalPrincipal,
    producer_id: uuid.UUID,
    data: ProducerUpdate,
    precondition: IfMatch = UNCONDITIONAL,
) -> Producer:
    """Change a producer's profile and tell the other services; `precondition` is checked on
    the locked row, so a stale `If-Match` changes nothing."""
    producer = await get_producer(session, principal, producer_id, lock=True)
    precondition.check(producer)
    changes = data.model_dump(exclude_unset=True)
    code = changes.get("code")
    if code and code != producer.code and await repository.producer_code_exists(session, code):
        raise SlugTaken(f"a producer already uses the code {code!r}")
    for field, value in changes.items():
        if value is not None or field in ("address", "latitude", "longitude", "code"):
            setattr(producer, field, value)
    await session.flush()
    await session.refresh(producer)
    await outbox.add(session, producer_updated(producer))
    return producer


def producer_updated(producer: Producer) -> ProducerUpdatedV1:
    return ProducerUpdatedV1(**producer_fields(producer))


def producer_fields(producer: Producer) -> dict[str, Any]:
    """What producer events carry: the public profile (contact details stay in the catalog)."""
    return {
        "producer_id": producer.id,
        "name": producer.name,
        "kind": producer.kind,
        "story": producer.story,
        "visibility": producer.visibility,
        "address": producer.address,
        "latitude": producer.latitude,
        "longitude": producer.longitude,
        "social": producer.social,
    }
