"""OpenTelemetry tracing across gateway -> service -> outbox -> bus -> consumer.

Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or `..._TRACES_ENDPOINT`) is set: then `configure`
installs an SDK provider exporting over OTLP/HTTP
(https://opentelemetry.io/docs/specs/otel/protocol/exporter/). Off, every helper here returns
before touching the OpenTelemetry API: no provider, no span objects, no header parsing, and the
SDK is never imported.

Context travels as a W3C `traceparent` (https://www.w3.org/TR/trace-context/): in HTTP headers,
in the outbox envelope (the relay publishes later, maybe from another process) and in the message
headers, so a consumer continues the trace of the request that caused the event.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

TRACEPARENT = "traceparent"
TRACESTATE = "tracestate"
PROPAGATION_HEADERS = frozenset({TRACEPARENT, TRACESTATE})
ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")

_tracer: Tracer | None = None
_propagator = TraceContextTextMapPropagator()
_OFF: AbstractContextManager[None] = nullcontext()


def enabled() -> bool:
    """Whether spans are recorded in this process."""
    return _tracer is not None


def configure(service_name: str = "machi") -> bool:
    """Export spans over OTLP/HTTP when an OTLP endpoint is configured; otherwise stay off."""
    if not any(os.environ.get(name) for name in ENDPOINT_VARIABLES):
        return False
    if os.environ.get("OTEL_SDK_DISABLED", "").lower() == "true":
        return False
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = make_provider(os.environ.get("OTEL_SERVICE_NAME") or service_name)
    # The exporter reads the endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    install(provider)
    return True


def make_provider(service_name: str) -> TracerProvider:
    """An SDK provider whose spans name `service_name` as their service."""
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider

    return TracerProvider(resource=Resource.create({SERVICE_NAME: service_name}))


def install(provider: trace.TracerProvider | None) -> None:
    """Record spans with `provider` (None: off). `configure` calls it; tests call it directly."""
    global _tracer
    _tracer = provider.get_tracer("machi") if provider is not None else None


def current_traceparent() -> str | None:
    """The `traceparent` of the active span, to store with an event; None when off or idle."""
    if _tracer is None:
        return None
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return carrier.get(TRACEPARENT)


def outgoing_headers() -> list[tuple[str, str]]:
    """Headers that carry the active span to an HTTP call; empty when off."""
    if _tracer is None:
        return []
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return list(carrier.items())


def current_ids() -> tuple[str, str] | None:
    """(trace id, span id) of the active span, in the hex form backends show; None when off."""
    if _tracer is None:
        return None
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return format(context.trace_id, "032x"), format(context.span_id, "016x")


def server_span(
    service: str, method: str, headers: Iterable[tuple[bytes, bytes]]
) -> AbstractContextManager[Span | None]:
    """The span of one HTTP request, continuing the caller's `traceparent` if it sent one."""
    if _tracer is None:
        return _OFF
    carrier = {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in headers
        if name.lower() in (b"traceparent", b"tracestate")
    }
    return _span(
        _tracer,
        method,
        carrier,
        SpanKind.SERVER,
        {"http.request.method": method, "machi.service": service},
    )


def end_server_span(span: Span | None, method: str, route: str, status: int) -> None:
    """Name the span for its route template (known only after routing) and record the status."""
    if span is None:
        return
    span.update_name(f"{method} {route}")
    span.set_attribute("http.route", route)
    span.set_attribute("http.response.status_code", status)
    if status >= 500:
        span.set_status(Status(StatusCode.ERROR))


def producer_span(
    event_type: str, traceparent: str | None, attributes: Mapping[str, str]
) -> AbstractContextManager[str | None]:
    """A span around publishing one event, child of the span that wrote it; yields the
    `traceparent` to put in the message headers (None when off)."""
    if _tracer is None:
        return nullcontext(None)
    return _producer(_tracer, event_type, traceparent, attributes)


def consumer_span(
    event_type: str, headers: Mapping[str, Any], fallback: str | None, attributes: Mapping[str, Any]
) -> AbstractContextManager[Span | None]:
    """A span around handling one event, child of the message's `traceparent` (or `fallback`,
    the one stored in the envelope)."""
    if _tracer is None:
        return _OFF
    traceparent = _text(headers.get(TRACEPARENT)) or fallback
    carrier = {TRACEPARENT: traceparent} if traceparent else {}
    return _span(_tracer, f"{event_type} process", carrier, SpanKind.CONSUMER, attributes)


@contextmanager
def _producer(
    tracer: Tracer, event_type: str, traceparent: str | None, attributes: Mapping[str, str]
) -> Iterator[str | None]:
    carrier = {TRACEPARENT: traceparent} if traceparent else {}
    with _span(tracer, f"{event_type} publish", carrier, SpanKind.PRODUCER, attributes):
        yield current_traceparent()


@contextmanager
def _span(
    tracer: Tracer,
    name: str,
    carrier: Mapping[str, str],
    kind: SpanKind,
    attributes: Mapping[str, Any],
) -> Iterator[Span]:
    # An empty carrier gives an empty context: a new trace, never a leftover span of this task.
    parent = _propagator.extract(carrier)
    with tracer.start_as_current_span(
        name, context=parent, kind=kind, attributes=dict(attributes)
    ) as span:
        yield span


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else None
