"""Cursor pagination, newest first, on (created_at, id): stable under concurrent inserts."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import InvalidInput

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next one."""

    items: list[T]
    next_cursor: str | None = None


class _Cursor(BaseModel):
    created_at: datetime
    id: uuid.UUID


def encode_cursor(created_at: datetime, id_: uuid.UUID) -> str:
    raw = _Cursor(created_at=created_at, id=id_).model_dump_json().encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> _Cursor:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return _Cursor.model_validate(json.loads(base64.urlsafe_b64decode(padded)))
    except (ValueError, ValidationError) as exc:
        raise InvalidInput("cursor is not one this API handed out") from exc


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    model: Any,
    *,
    cursor: str | None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[Any], str | None]:
    """Rows of `statement` (selecting `model`) after `cursor`, and the next cursor."""
    limit = max(1, min(limit, MAX_LIMIT))
    if cursor:
        after = decode_cursor(cursor)
        statement = statement.where(
            or_(
                model.created_at < after.created_at,
                and_(model.created_at == after.created_at, model.id < after.id),
            )
        )
    statement = statement.order_by(model.created_at.desc(), model.id.desc()).limit(limit + 1)
    rows = list((await session.execute(statement)).scalars().all())
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor(last.created_at, last.id)
