"""Re-encrypt every sealed column (`kit.secrets.SEALED`) under the newest key, in batches, so the
old key can then be removed from the key list.

Rows are walked in primary-key order, one batch per transaction, each batch locked (`FOR UPDATE`)
so a request changing a secret meanwhile is neither lost nor overwritten with an older value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, bindparam, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncEngine

from kit.secrets import Sealer, SecretUnreadable

Progress = Callable[[int], None]


@dataclass
class Rotation:
    """How one column's rotation went: rows re-encrypted, and the keys of rows no key opens."""

    rotated: int = 0
    unreadable: list[tuple[Any, ...]] = field(default_factory=list)


async def count_sealed(engine: AsyncEngine, column: Column[Any]) -> int:
    """Rows whose `column` holds a secret (the total a progress bar needs)."""
    async with engine.connect() as conn:
        query = select(func.count()).select_from(column.table).where(column.is_not(None))
        return int((await conn.execute(query)).scalar_one())


def _rotated(sealer: Sealer, value: bytes | str) -> bytes | str:
    if isinstance(value, str):  # a Text column keeps the token's str form
        return sealer.rotate(value.encode()).decode()
    return sealer.rotate(bytes(value))


async def rotate_column(
    engine: AsyncEngine,
    column: Column[Any],
    sealer: Sealer,
    batch_size: int = 500,
    progress: Progress | None = None,
) -> Rotation:
    """Re-encrypt every value of `column` under the sealer's first key (rows no key opens are
    left as they are and reported). `engine` must see every tenant's rows (the jobs role)."""
    table = column.table
    keys = list(table.primary_key.columns)
    # One statement for the batch, sent as an executemany (a round trip per batch, not per row).
    change = (
        update(table)
        .where(*(k == bindparam(f"key_{i}") for i, k in enumerate(keys)))
        .values({column.name: bindparam("fresh")})
    )
    result = Rotation()
    done = 0
    after: tuple[Any, ...] | None = None
    while True:
        query = select(*keys, column).where(column.is_not(None)).order_by(*keys)
        if after is not None:
            query = query.where(tuple_(*keys) > tuple_(*after))
        async with engine.begin() as conn:
            rows = (await conn.execute(query.limit(batch_size).with_for_update(of=table))).all()
            changes = []
            for row in rows:
                key, value = tuple(row[: len(keys)]), row[len(keys)]
                try:
                    fresh = _rotated(sealer, value)
                except SecretUnreadable:
                    result.unreadable.append(key)
                    continue
                changes.append({"fresh": fresh, **{f"key_{i}": v for i, v in enumerate(key)}})
            if changes:
                await conn.execute(change, changes)
            result.rotated += len(changes)
        if not rows:
            return result
        after = tuple(rows[-1][: len(keys)])
        done += len(rows)
        if progress is not None:
            progress(done)
