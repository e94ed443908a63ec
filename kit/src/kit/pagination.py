"""Cursor pagination: newest first on (created_at, id) or on another instant (`order`), or in
a list's own ascending order (`paginate_in_order`); each stable under concurrent inserts."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python
from sqlalchemy import Select, and_, literal, or_, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import InvalidInput

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
# A list that clients sync from: what changed at or after an instant (`updated_at >=`).
UpdatedSince = Annotated[
    datetime | None,
    Query(description="Only what changed at or after this instant (`updated_at`), to sync"),
]


class Page(BaseModel, Generic[T]):
    """One page of a list; pass `next_cursor` back as `cursor` for the next one."""

    items: list[T]
    next_cursor: str | None = None


class _Cursor(BaseModel):
    created_at: datetime  # the row's value of the order column, whichever it is
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
    order: Any = None,
) -> tuple[list[Any], str | None]:
    """Rows of `statement` (selecting `model`) after `cursor`, and the next cursor; newest
    first by `order` (a non-null timestamp column of `model`, `created_at` unless given)."""
    limit = max(1, min(limit, MAX_LIMIT))
    column = model.created_at if order is None else order
    if cursor:
        after = decode_cursor(cursor)
        statement = statement.where(
            or_(column < after.created_at, and_(column == after.created_at, model.id < after.id))
        )
    statement = statement.order_by(column.desc(), model.id.desc()).limit(limit + 1)
    rows = list((await session.execute(statement)).scalars().all())
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor(getattr(last, column.key), last.id)


class _After(BaseModel):
    after: list[Any]


async def paginate_in_order(
    session: AsyncSession,
    statement: Select[Any],
    model: Any,
    order: Sequence[Any],
    *,
    cursor: str | None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[Any], str | None]:
    """Rows of `statement` (selecting `model`) in ascending `order`, then id, after `cursor`,
    and the next cursor: for lists read in their own order (by name, by time, as a history).
    The `order` columns are never NULL in the listed rows."""
    return await _page_by_keys(session, statement, [*order, model.id], cursor, limit)


async def _page_by_keys(
    session: AsyncSession, statement: Select[Any], keys: list[Any], cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """Rows in ascending `keys` (together unique) after `cursor`, and the next cursor."""
    limit = max(1, min(limit, MAX_LIMIT))
    if cursor:
        values = _decode_after(cursor, keys)
        bound = [literal(value, key.type) for key, value in zip(keys, values, strict=True)]
        statement = statement.where(tuple_(*keys) > tuple_(*bound))
    statement = statement.order_by(*keys).limit(limit + 1)
    rows = list((await session.execute(statement)).scalars().all())
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], _encode_after([getattr(last, key.key) for key in keys])


def _encode_after(values: list[Any]) -> str:
    raw = _After(after=to_jsonable_python(values)).model_dump_json().encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_after(cursor: str, keys: list[Any]) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        after = _After.model_validate(json.loads(base64.urlsafe_b64decode(padded))).after
        if len(after) != len(keys):
            raise ValueError("another list's cursor")
        return [
            TypeAdapter(key.type.python_type).validate_python(value)
            for key, value in zip(keys, after, strict=True)
        ]
    except (ValueError, ValidationError) as exc:
        raise InvalidInput("cursor is not one this API handed out") from exc


async def paginate_by_key(
    session: AsyncSession,
    statement: Select[Any],
    key: Any,
    *,
    cursor: str | None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[Any], str | None]:
    """Rows of `statement` in the order of the unique text column `key` (a slug, a name), after
    `cursor`, and the next cursor: for lists people read alphabetically."""
    return await _page_by_keys(session, statement, [key], cursor, limit)
