"""`/r/{code}`: the tracked redirect, answered here for a caller with an anonymous internal
token; the response never waits for the database. The gateway answers it at the edge from its
own directory, asks `/internal/v1/links/{code}` on a miss, and hands its clicks over in batches
through `/internal/v1/clicks`, into the same buffer."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute

from analytics.dependencies import AnalyticsContext
from analytics.redirect import service
from analytics.redirect.buffer import RawClick
from analytics.redirect.schemas import ClickBatch, ClickBatchAccepted, LinkRouteRead
from kit import links
from kit.clientip import client_ip
from kit.dependencies import require_principal

router = APIRouter(tags=["redirect"])

NO_STORE = {"Cache-Control": "no-store"}  # a cached redirect is a click never seen
NOT_FOUND_PAGE = (
    "<!doctype html><html><head><meta charset=utf-8><title>Link not found</title></head>"
    "<body><h1>Link not found</h1><p>This link does not exist or has expired.</p></body></html>"
)


def _country(request: Request, header: str) -> str:
    """The country the configured proxy header gives (no local GeoIP database: `maxminddb`
    is not installed)."""
    return request.headers.get(header, "") if header else ""


async def follow_link(code: str, request: Request) -> Response:
    """302 to the link's store page with a click id; 404 page for an unknown code."""
    await require_principal(request)  # what the router's dependency does for other routes
    ctx: AnalyticsContext = request.app.state.analytics
    runtime_db = request.app.state.db
    target = await service.resolve(runtime_db, ctx.cache, code)
    moment = service.now()
    live = service.is_live(target, moment)
    click_id = links.new_click_id()
    headers = request.headers
    ctx.buffer.add(
        RawClick(
            code=code,
            click_id=click_id,
            occurred_at=moment,
            tenant_id=target.tenant_id if live and target else None,
            link_id=target.link_id if live and target else None,
            dimensions=target.dimensions if live and target else {},
            ip=client_ip(request),
            user_agent=headers.get("user-agent", ""),
            referer=headers.get("referer", ""),
            country=_country(request, ctx.settings.country_header),
            language=headers.get("accept-language", ""),
            head=request.method == "HEAD",
        )
    )
    if not live or target is None:
        return HTMLResponse(NOT_FOUND_PAGE, status_code=404, headers=NO_STORE)
    url = service.location(target, ctx.settings, click_id)
    return RedirectResponse(url, status_code=302, headers=NO_STORE)


class RedirectRoute(APIRoute):
    """`/r/{code}` called without FastAPI's per-request dependency solving, which cost more CPU
    than the redirect itself (bench/results/redirect.md); the handler checks the token."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        async def handle(request: Request) -> Response:
            return await follow_link(request.path_params["code"], request)

        return handle


# People follow these links in a browser: an unknown code is a page, not a problem document.
DOCUMENTED: dict[int | str, dict[str, Any]] = {
    302: {"description": "To the store page, with a click id"},
    404: {"description": "Unknown or expired link", "content": {"text/html": {}}},
}
# One route per method, so each has its own OpenAPI operation id.
for method in ("GET", "HEAD"):
    router.add_api_route(
        "/r/{code}",
        follow_link,
        methods=[method],
        response_class=Response,
        operation_id="links_follow" if method == "GET" else "links_follow_head",
        route_class_override=RedirectRoute,
        responses=DOCUMENTED,
    )


@router.get("/internal/v1/links/{code}", response_model=LinkRouteRead)
async def link_route(code: str, request: Request) -> LinkRouteRead:
    """Where `code` leads, for the gateway's edge redirect on a miss; 404 when nowhere."""
    target = await service.route_of(request.app.state.db, code)
    return LinkRouteRead(code=code, **target)


@router.post(
    "/internal/v1/clicks", response_model=ClickBatchAccepted, status_code=status.HTTP_202_ACCEPTED
)
async def accept_clicks(batch: ClickBatch, request: Request) -> ClickBatchAccepted:
    """Clicks the gateway's edge redirect answered, into the click buffer (a batch sent twice
    records each click once: click ids are unique)."""
    ctx: AnalyticsContext = request.app.state.analytics
    return ClickBatchAccepted(accepted=service.accept(ctx.buffer, batch.clicks))
