import uuid

import pytest

from kit import idempotency
from kit.db import Database
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
