"""Log lines carry what ties them to a request and an event: request id, tenant, event id and,
when tracing is on, the trace id of the span they were written in."""

from __future__ import annotations

import io
import json
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import asyncpg
import pytest

from kit import logs
from kit.auth import TokenSigner, TokenVerifier
from kit.db import Database
from kit.events import consumer
from kit.events.memory import MemoryBus
from kit.events.relay import Relay
from kit.settings import MachiSettings
from kit.testing.plugin import client, principal
from kit.testing.waiting import eventually

from .conftest import SERVICE
from .observed import build_app, on_note_observed, recorded_spans


@pytest.fixture
def lines() -> Iterator[Callable[[], list[dict[str, Any]]]]:
    """JSON lines written by the kit test service and kit's access log."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logs.JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("kittest.observed", "machi.access")]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


async def test_request_and_event_lines_carry_their_ids_and_trace(
    lines: Callable[[], list[dict[str, Any]]],
    kit_db: Database,
    owner: asyncpg.Connection,
    machi_settings: MachiSettings,
    signer: TokenSigner,
    verifier_factory: Callable[[str], TokenVerifier],
) -> None:
    bus = MemoryBus()
    relay = Relay(kit_db, bus, service=SERVICE)
    while await relay.run_once():
        pass
    await consumer.start([on_note_observed], kit_db, bus)
    app = build_app(machi_settings, kit_db, verifier_factory(SERVICE), bus)
    tenant = uuid.uuid4()
    try:
        with recorded_spans():
            async with client(app, signer, SERVICE, principal(tenant)) as http:
                response = await http.post(
                    "/notes", json={"body": "logged"}, headers={"x-request-id": "req-42"}
                )
            assert response.status_code == 201, response.text
            while await relay.run_once():
                pass

            async def observed() -> bool:
                return any(line["msg"] == "note observed" for line in lines())

            await eventually(observed)
    finally:
        await bus.close()
    note = response.json()
    by_msg = {line["msg"]: line for line in lines()}
    written, access, handled = by_msg["note written"], by_msg["request"], by_msg["note observed"]
    trace_id = note["traceparent"].split("-")[1]
    assert (written["request_id"], written["tenant_id"], written["trace_id"]) == (
        "req-42",
        str(tenant),
        trace_id,
    )
    assert (access["request_id"], access["route"], access["status"]) == ("req-42", "/notes", 201)
    assert (handled["event_id"], handled["tenant_id"], handled["trace_id"]) == (
        note["event_id"],
        str(tenant),
        trace_id,
    )
    assert "request_id" not in handled


def test_lines_have_no_trace_id_when_tracing_is_off() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "plain", (), None)
    line = json.loads(logs.JsonFormatter().format(record))
    assert "trace_id" not in line
    assert line["msg"] == "plain"


def test_lines_of_a_process_among_workers_name_its_pid() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "plain", (), None)

    line = json.loads(logs.JsonFormatter(pid=True).format(record))

    assert line["pid"] == os.getpid()
    assert "pid" not in json.loads(logs.JsonFormatter().format(record))


def test_readable_lines_show_their_fields_and_hide_secrets() -> None:
    record = logging.makeLogRecord(
        {
            "name": "machi.access",
            "levelno": logging.INFO,
            "levelname": "INFO",
            "msg": "request",
            "route": "/v1/products",
            "status": 201,
            "access_token": "eyJhbGciOiJFUzI1NiJ9.e30.sig",
        }
    )

    line = logs.TextFormatter("%(levelname)s %(name)s %(message)s").format(record)

    assert line.startswith("INFO machi.access request ")
    assert "route=/v1/products" in line
    assert "status=201" in line
    assert "eyJhbGciOiJFUzI1NiJ9" not in line
    assert "access_token=[redacted]" in line


def test_a_json_line_hides_a_code_in_a_url_and_keeps_the_lines_after_it() -> None:
    record = logging.makeLogRecord(
        {
            "name": "gateway.mail",
            "levelno": logging.INFO,
            "levelname": "INFO",
            "msg": "https://town.example/reset?code=s3cret-Code_1\n\nReset code: shown",
        }
    )

    line = json.loads(logs.JsonFormatter().format(record))

    assert "s3cret-Code_1" not in line["msg"]
    assert line["msg"].endswith("?code=[redacted]\n\nReset code: shown")


def test_an_access_line_skips_the_guard_but_not_for_the_request_id_a_client_chose() -> None:
    record = logging.makeLogRecord(
        {"name": "machi.access", "msg": "request", "route": "/r/{code}", **logs.PLAIN_EXTRA}
    )
    token = logs.request_id_var.set("Bearer sk-live-abcdef")
    try:
        line = json.loads(logs.JsonFormatter().format(record))
    finally:
        logs.request_id_var.reset(token)

    assert line["route"] == "/r/{code}"
    assert line["request_id"] == f"Bearer {logs.REDACTED}"
    assert "_plain" not in line
