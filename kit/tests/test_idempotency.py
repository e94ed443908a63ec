import uuid

import asyncpg
import pytest

from kit import idempotency
from kit.db import Database
from kit.errors import InvalidInput
from kit.idempotency import KeyInFlight, KeyReused, StoredResponse, fingerprint


async def test_retry_with_the_same_key_replays_the_first_answer(kit_db: Database) -> None:
    scope, key = f"user:{uuid.uuid4()}", "order-1"
    first = fingerprint("POST", "/v1/products", b'{"slug": "garlic"}')
    assert await idempotency.begin(kit_db, scope, key, first) is None
    answer = StoredResponse(201, {"content-type": "application/json"}, b'{"id": "p1"}')
    await idempotency.finish(kit_db, scope, key, answer)

    assert await idempotency.begin(kit_db, scope, key, first) == answer


async def test_same_key_for_another_request_is_refused(kit_db: Database) -> None:
    scope = f"user:{uuid.uuid4()}"
    await idempotency.begin(kit_db, scope, "k", fingerprint("POST", "/v1/products", b"a"))
    with pytest.raises(KeyReused):
        await idempotency.begin(kit_db, scope, "k", fingerprint("POST", "/v1/products", b"b"))


async def test_twin_of_a_running_request_is_a_conflict(kit_db: Database) -> None:
    scope, print_ = f"user:{uuid.uuid4()}", fingerprint("POST", "/v1/x", b"")
    await idempotency.begin(kit_db, scope, "k", print_)
    with pytest.raises(KeyInFlight):
        await idempotency.begin(kit_db, scope, "k", print_)
    await idempotency.release(kit_db, scope, "k")
    assert await idempotency.begin(kit_db, scope, "k", print_) is None


async def test_keys_are_scoped_to_the_caller(kit_db: Database) -> None:
    print_ = fingerprint("POST", "/v1/x", b"")
    assert await idempotency.begin(kit_db, f"user:{uuid.uuid4()}", "same", print_) is None
    assert await idempotency.begin(kit_db, f"user:{uuid.uuid4()}", "same", print_) is None


async def test_a_key_past_its_retention_is_free_again_before_any_purge(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    scope = f"user:{uuid.uuid4()}"
    await idempotency.begin(kit_db, scope, "old", fingerprint("POST", "/v1/x", b"first"))
    await idempotency.finish(kit_db, scope, "old", StoredResponse(201, {}, b"first"))
    await owner.execute(
        "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE scope = $1",
        scope,
    )

    another = fingerprint("POST", "/v1/x", b"second")
    assert await idempotency.begin(kit_db, scope, "old", another) is None
    with pytest.raises(KeyInFlight):
        await idempotency.begin(kit_db, scope, "old", another)


async def test_an_empty_or_overlong_key_is_invalid_input(kit_db: Database) -> None:
    for key in ("", "k" * (idempotency.MAX_KEY_LENGTH + 1)):
        with pytest.raises(InvalidInput):
            await idempotency.begin(kit_db, "user:x", key, fingerprint("POST", "/v1/x", b""))
