"""`/`: a small page that says what this server is and links to the console, the demo town's
city page and the API docs."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from web.dependencies import RendererDep

router = APIRouter()
DEMO_TOWN = "takeo"


@router.get("/", response_class=HTMLResponse)
async def landing(request: Request, render: RendererDep) -> HTMLResponse:
    """The landing page."""
    return render.page(request, "landing.html", {"demo_town": DEMO_TOWN})
