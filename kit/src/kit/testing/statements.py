"""The statements a service's engine sends while a block runs: for tests that count round trips
(issue 15) or look at what was sent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from kit.db import Database


@contextmanager
def statements_sent(db: Database, *, transactions: bool = False) -> Iterator[list[str]]:
    """Every statement `db` sends while the block runs, in order; with `transactions`, also
    `BEGIN` (which carries the tenant setting), `COMMIT` and `ROLLBACK`, each a round trip."""
    seen: list[str] = []

    def sent(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    listeners: list[tuple[str, Any]] = [("before_cursor_execute", sent)]
    if transactions:
        for name in ("begin", "commit", "rollback"):
            listeners.append((name, lambda _conn, word=name.upper(): seen.append(word)))
    engine = db.engine.sync_engine
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield seen
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)
