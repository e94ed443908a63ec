"""Tracing: one trace from an HTTP request through the outbox and the bus to the consumer, and
nothing at all when tracing is off."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import asyncpg
import pytest
from opentelemetry import trace
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.trace import SpanKind

from kit import tracing
from kit.auth import TokenSigner, TokenVerifier
from kit.db import Database
from kit.events import consumer
from kit.events.bus import Bus
from kit.events.relay import Relay
from kit.settings import MachiSettings
from kit.testing.fakes import serve
from kit.testing.plugin import client, principal
from kit.testing.waiting import eventually

from .conftest import SERVICE
from .observed import Traced, build_app, on_note_observed, recorded_spans

EVENT = "kittest.note.observed.v1"


@pytest.fixture
def traced() -> Iterator[Traced]:
    with recorded_spans() as recorded:
        yield recorded


def by_kind(spans: tuple[ReadableSpan, ...], kind: SpanKind, name: str) -> ReadableSpan:
    found = [s for s in spans if s.kind == kind and s.name == name]
    assert len(found) == 1, [s.name for s in spans]
    return found[0]


async def effect_count(owner: asyncpg.Connection, note_id: uuid.UUID) -> int:
    count: int = await owner.fetchval("SELECT count(*) FROM effects WHERE note_id = $1", note_id)
    return count


async def test_request_outbox_bus_and_consumer_share_one_trace(
    traced: Traced,
    bus: Bus,
    kit_db: Database,
    owner: asyncpg.Connection,
    machi_settings: MachiSettings,
    signer: TokenSigner,
    verifier_factory: Callable[[str], TokenVerifier],
) -> None:
    await consumer.start([on_note_observed], kit_db, bus)
    app = build_app(machi_settings, kit_db, verifier_factory(SERVICE), bus)
    tenant = uuid.uuid4()
    with traced.tracer.start_as_current_span("gateway proxy", kind=SpanKind.CLIENT) as caller:
        headers = dict(tracing.outgoing_headers())  # what the gateway's proxy sends upstream
    async with client(app, signer, SERVICE, principal(tenant)) as http:
        response = await http.post("/notes", json={"body": "traced"}, headers=headers)
    assert response.status_code == 201, response.text
    note = response.json()
    relay = Relay(kit_db, bus, service=SERVICE)
    while await relay.run_once():
        pass
    await eventually(lambda: _one(owner, uuid.UUID(note["id"])))
    await eventually(lambda: _span_of(traced, SpanKind.CONSUMER, note["event_id"]))

    finished = traced.exporter.get_finished_spans()
    server = by_kind(finished, SpanKind.SERVER, "POST /notes")
    producer = _only(finished, SpanKind.PRODUCER, note["event_id"])
    consumed = _only(finished, SpanKind.CONSUMER, note["event_id"])
    assert (producer.name, consumed.name) == (f"{EVENT} publish", f"{EVENT} process")
    trace_id = caller.get_span_context().trace_id
    assert {s.context.trace_id for s in (server, producer, consumed)} == {trace_id}
    assert _parent(server) == caller.get_span_context().span_id
    assert _parent(producer) == server.context.span_id
    assert _parent(consumed) == producer.context.span_id
    assert note["traceparent"].split("-")[1] == format(trace_id, "032x")


def _parent(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent else None


def _with_message(
    spans: tuple[ReadableSpan, ...], kind: SpanKind, event_id: str
) -> list[ReadableSpan]:
    return [
        s
        for s in spans
        if s.kind == kind and s.attributes and s.attributes.get("messaging.message.id") == event_id
    ]


def _only(spans: tuple[ReadableSpan, ...], kind: SpanKind, event_id: str) -> ReadableSpan:
    found = _with_message(spans, kind, event_id)
    assert len(found) == 1, [s.name for s in spans]
    return found[0]


async def _span_of(traced: Traced, kind: SpanKind, event_id: str) -> bool:
    return bool(_with_message(traced.exporter.get_finished_spans(), kind, event_id))


async def _one(owner: asyncpg.Connection, note_id: uuid.UUID) -> bool:
    return await effect_count(owner, note_id) == 1


async def test_tracing_is_off_without_an_otlp_endpoint(
    monkeypatch: pytest.MonkeyPatch,
    kit_db: Database,
    machi_settings: MachiSettings,
    signer: TokenSigner,
    verifier_factory: Callable[[str], TokenVerifier],
) -> None:
    for name in tracing.ENDPOINT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert tracing.configure("kittest") is False
    assert not tracing.enabled()
    assert not isinstance(trace.get_tracer_provider(), TracerProvider)
    app = build_app(machi_settings, kit_db, verifier_factory(SERVICE), None)
    incoming = {"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
    async with client(app, signer, SERVICE, principal(uuid.uuid4())) as http:
        response = await http.post("/notes", json={"body": "untraced"}, headers=incoming)
    assert response.status_code == 201, response.text
    assert response.json()["traceparent"] is None  # no span, so nothing stored with the event


EXPORT_SCRIPT = """
from opentelemetry import trace
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from kit import tracing
assert tracing.configure("kittest-export")
with trace.get_tracer("test").start_as_current_span("exported span"):
    pass
trace.get_tracer_provider().shutdown()
"""


async def test_configured_endpoint_receives_spans_over_otlp_http() -> None:
    received: list[bytes] = []

    async def collector(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if scope["path"] == "/v1/traces":
            received.append(body)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async with serve(collector) as url:
        env = {**os.environ, "OTEL_EXPORTER_OTLP_ENDPOINT": url}
        process = await asyncio.create_subprocess_exec(sys.executable, "-c", EXPORT_SCRIPT, env=env)
        assert await process.wait() == 0
    request = ExportTraceServiceRequest.FromString(received[0])
    resource = request.resource_spans[0]
    names = {a.key: a.value.string_value for a in resource.resource.attributes}
    assert names["service.name"] == "kittest-export"
    assert resource.scope_spans[0].spans[0].name == "exported span"
