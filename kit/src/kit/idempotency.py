"""Idempotency keys for writes (draft-ietf-httpapi-idempotency-key-header).

A client that retries a POST after a lost answer sends the same `Idempotency-Key`; the first
request's response is stored and replayed, so the write happens once. The same key with a
different request is a 422 (the draft's "key reuse" error); a request whose twin is still
running is a 409. Keys are scoped to the caller (a user or API key id) and kept for a day.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.engine import Connection

from kit.db import Database
from kit.errors import Conflict, InvalidInput, ProblemError

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255
RETENTION = timedelta(hours=24)

metadata = MetaData()
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("scope", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("fingerprint", Text, nullable=False),
    Column("status", Integer),  # NULL while the first request runs
    Column("headers", JSONB),
    Column("body", LargeBinary),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


class KeyReused(ProblemError):
    status = 422
    type = "idempotency-key-reused"
    title = "Idempotency key used for another request"


class KeyInFlight(Conflict):
    type = "idempotency-key-in-flight"
    title = "A request with this idempotency key is still running"


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: dict[str, str]
    body: bytes


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What makes two requests 'the same request'."""
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


async def begin(db: Database, scope: str, key: str, print_: str) -> StoredResponse | None:
    """Claim `key` for this request; a stored response to replay, or None to go ahead."""
    if not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidInput(f"an idempotency key is 1 to {MAX_KEY_LENGTH} characters")
    async with db.transaction() as session:
        # A key older than the retention is free again, whether or not `purge` has run yet.
        claim = insert(idempotency_keys).values(scope=scope, key=key, fingerprint=print_)
        claimed = await session.execute(
            claim.on_conflict_do_update(
                index_elements=[idempotency_keys.c.scope, idempotency_keys.c.key],
                set_={
                    "fingerprint": claim.excluded.fingerprint,
                    "status": None,
                    "headers": None,
                    "body": None,
                    "created_at": func.now(),
                },
                where=idempotency_keys.c.created_at < func.now() - RETENTION,
            ).returning(idempotency_keys.c.key)
        )
        if claimed.first() is not None:
            return None
        row = (
            await session.execute(
                select(idempotency_keys).where(
                    idempotency_keys.c.scope == scope, idempotency_keys.c.key == key
                )
            )
        ).one()
    if row.fingerprint != print_:
        raise KeyReused("this idempotency key was used for a different request")
    if row.status is None:
        raise KeyInFlight("retry when the first request has answered")
    return StoredResponse(row.status, dict(row.headers or {}), bytes(row.body or b""))


async def finish(db: Database, scope: str, key: str, response: StoredResponse) -> None:
    """Store the response of a claimed key, for replays."""
    async with db.transaction() as session:
        await session.execute(
            update(idempotency_keys)
            .where(idempotency_keys.c.scope == scope, idempotency_keys.c.key == key)
            .values(status=response.status, headers=response.headers, body=response.body)
        )


async def release(db: Database, scope: str, key: str) -> None:
    """Forget a claimed key whose request failed before any effect (a retry may run again)."""
    async with db.transaction() as session:
        await session.execute(
            delete(idempotency_keys).where(
                idempotency_keys.c.scope == scope,
                idempotency_keys.c.key == key,
                idempotency_keys.c.status.is_(None),
            )
        )


async def purge(db: Database) -> int:
    """Delete keys older than the retention (a scheduled job)."""
    async with db.transaction() as session:
        result: Any = await session.execute(
            delete(idempotency_keys).where(idempotency_keys.c.created_at < func.now() - RETENTION)
        )
        return int(result.rowcount or 0)


def create_table(bind: Connection) -> None:
    """Create the table (from a migration)."""
    idempotency_keys.create(bind)
