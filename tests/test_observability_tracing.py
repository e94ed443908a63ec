"""Tracing through the gateway: the proxy hands its span to the service it calls, so a client's
trace continues gateway -> service (the service -> outbox -> bus -> consumer leg is in
kit/tests/test_tracing.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from fastapi import APIRouter, Request
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from gateway.app import create_app
from gateway.settings import GatewaySettings
from kit import tracing
from kit.auth import TokenSigner, TokenVerifier
from kit.events.memory import MemoryBus
from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings

CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CLIENT_TRACEPARENT = f"00-{CLIENT_TRACE}-00f067aa0ba902b7-01"


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """Tracing on for this test, into memory, off again afterwards."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.install(provider)
    try:
        yield exporter
    finally:
        tracing.install(None)
        provider.shutdown()


def catalog_standin(settings: MachiSettings, signer: TokenSigner) -> httpx.AsyncClient:
    """A kit service app answering a photo's public address (proxied without login) with the
    trace headers it was sent."""
    router = APIRouter()

    @router.get("/v1/media/{media_id}/{rendition}")
    async def photo(media_id: str, rendition: str, request: Request) -> dict[str, list[str]]:
        return {"traceparent": request.headers.getlist("traceparent")}

    verifier = TokenVerifier("catalog", issuer=signer.issuer, jwks=signer.jwks())
    runtime = ServiceRuntime.create("catalog", settings, bus=None, verifier=verifier)
    app = create_service_app(runtime, [router], title="catalog stand-in")
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://catalog")


async def test_gateway_passes_its_span_to_the_service(
    spans: InMemorySpanExporter, machi_settings: MachiSettings, signer: TokenSigner
) -> None:
    runtime = ServiceRuntime.create("gateway", machi_settings, bus=MemoryBus())
    upstream = catalog_standin(machi_settings, signer)
    app = create_app(runtime, GatewaySettings(_env_file=None), signer, {"catalog": upstream})
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://gw"
        ) as http:
            response = await http.get(
                f"/v1/media/{uuid.uuid4()}/web", headers={"traceparent": CLIENT_TRACEPARENT}
            )
    finally:
        await upstream.aclose()
        await runtime.close()
    assert response.status_code == 200, response.text
    by_service = {
        str(span.attributes.get("machi.service")): span
        for span in spans.get_finished_spans()
        if span.kind == SpanKind.SERVER and span.attributes
    }
    gateway, service = by_service["gateway"], by_service["catalog"]
    assert format(gateway.context.trace_id, "032x") == CLIENT_TRACE
    assert service.context.trace_id == gateway.context.trace_id
    assert service.parent is not None
    assert service.parent.span_id == gateway.context.span_id
    sent = response.json()["traceparent"]
    assert len(sent) == 1  # the client's own traceparent was replaced, not repeated
    assert sent[0].split("-")[2] == format(gateway.context.span_id, "016x")
