"""A kit-only service for the observability tests: an endpoint that writes a note and its event,
and a consumer that records an effect, built with the same kit factories the services use."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from kit import policy, tracing
from kit.auth import TokenVerifier
from kit.db import Database
from kit.dependencies import SessionDep
from kit.events import consumer, outbox
from kit.events.bus import Bus
from kit.events.envelope import Envelope
from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings

from .conftest import SERVICE, Effect, Note

log = logging.getLogger("kittest.observed")


class NoteObservedV1(BaseModel):
    event_type: ClassVar[str] = "kittest.note.observed.v1"
    note_id: uuid.UUID


@consumer.subscribe(NoteObservedV1, consumer="kittest.on-note-observed")
async def on_note_observed(event: Envelope[NoteObservedV1], session: AsyncSession) -> None:
    log.info("note observed", extra={"note_id": str(event.payload.note_id)})
    session.add(Effect(event_id=event.id, note_id=event.payload.note_id))


class NoteIn(BaseModel):
    body: str


class NoteOut(BaseModel):
    id: uuid.UUID
    event_id: uuid.UUID
    traceparent: str | None


router = APIRouter()


@router.post("/notes", status_code=201)
async def write_note(note: NoteIn, session: SessionDep) -> NoteOut:
    """Write a note and its event in the request's transaction."""
    row = Note(body=note.body)
    session.add(row)
    await session.flush()
    envelope = await outbox.add(session, NoteObservedV1(note_id=row.id))
    log.info("note written", extra={"note_id": str(row.id)})
    return NoteOut(id=row.id, event_id=envelope.id, traceparent=envelope.traceparent)


def build_app(
    settings: MachiSettings, db: Database, verifier: TokenVerifier, bus: Bus | None
) -> FastAPI:
    """The kit test service's app."""
    runtime = ServiceRuntime(service=SERVICE, settings=settings, db=db, verifier=verifier, bus=bus)
    table = {("POST", "/notes"): policy.Rule(policy.ROLES, None)}
    return create_service_app(runtime, [router], title="kit observed", table=table)


@dataclass
class Traced:
    exporter: InMemorySpanExporter
    tracer: trace.Tracer


@contextmanager
def recorded_spans() -> Iterator[Traced]:
    """Tracing on inside the block, into memory (the SDK's exporter), off again afterwards."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.install(provider)
    try:
        yield Traced(exporter, provider.get_tracer("test"))
    finally:
        tracing.install(None)
        provider.shutdown()
