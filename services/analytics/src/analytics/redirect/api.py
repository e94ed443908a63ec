"""`/r/{code}`: the tracked redirect. The gateway forwards it with an anonymous internal token
and the client's headers; the response never waits for the database."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from analytics.context import ContextDep
from analytics.redirect import service
from analytics.redirect.buffer import RawClick

router = APIRouter(tags=["redirect"])

NO_STORE = {"Cache-Control": "no-store"}  # a cached redirect is a click never seen
NOT_FOUND_PAGE = (
    "<!doctype html><html><head><meta charset=utf-8><title>Link not found</title></head>"
    "<body><h1>Link not found</h1><p>This link does not exist or has expired.</p></body></html>"
)
COUNTRY_HEADERS = ("cf-ipcountry", "x-country-code", "x-vercel-ip-country")


def _client_ip(request: Request) -> str:
    forwarded = request.headers.get("x-forwarded-for", "")
    first = forwarded.split(",")[0].strip()
    if first:
        return first
    return request.client.host if request.client else ""


def _country(request: Request) -> str:
    return next((v for h in COUNTRY_HEADERS if (v := request.headers.get(h))), "")


async def follow_link(code: str, request: Request, ctx: ContextDep) -> Response:
    """302 to the link's store page with a click id; 404 page for an unknown code."""
    runtime_db = request.app.state.db
    target = await service.resolve(runtime_db, ctx.cache, code)
    moment = service.now()
    live = service.is_live(target, moment)
    click_id = service.new_click_id()
    headers = request.headers
    ctx.buffer.add(
        RawClick(
            code=code,
            click_id=click_id,
            occurred_at=moment,
            tenant_id=target.tenant_id if live and target else None,
            link_id=target.link_id if live and target else None,
            dimensions=target.dimensions if live and target else {},
            ip=_client_ip(request),
            user_agent=headers.get("user-agent", ""),
            referer=headers.get("referer", ""),
            country=_country(request),
            language=headers.get("accept-language", ""),
            head=request.method == "HEAD",
        )
    )
    if not live or target is None:
        return HTMLResponse(NOT_FOUND_PAGE, status_code=404, headers=NO_STORE)
    url = service.location(target, ctx.settings, click_id)
    return RedirectResponse(url, status_code=302, headers=NO_STORE)


# One route per method, so each has its own OpenAPI operation id.
router.add_api_route("/r/{code}", follow_link, methods=["GET"], response_class=Response)
router.add_api_route(
    "/r/{code}",
    follow_link,
    methods=["HEAD"],
    response_class=Response,
    operation_id="follow_link_head",
)
