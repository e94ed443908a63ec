"""The problems page every problem type URI points at: `/problems` for people (one anchor per
type), `/problems.json` for programs; both from `kit.problems`, anonymous."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

from kit.errors import type_uri
from kit.problems import PROBLEM_TYPES

router = APIRouter(include_in_schema=False)


@router.get("/problems.json")
async def problems_json() -> JSONResponse:
    """Every problem type: its URI, slug, status (null: it varies), title and meaning."""
    return JSONResponse(
        [
            {
                "type": type_uri(p.slug),
                "slug": p.slug,
                "status": p.status,
                "title": p.title,
                "meaning": p.meaning,
            }
            for p in PROBLEM_TYPES.values()
        ]
    )


@router.get("/problems", response_class=HTMLResponse)
async def problems_page() -> HTMLResponse:
    """Every problem type with its meaning; each one's URI is its anchor on this page."""
    rows = "\n".join(
        f'<tr id="{escape(p.slug)}"><td><a href="#{escape(p.slug)}"><code>{escape(p.slug)}'
        f"</code></a></td><td>{p.status or 'varies'}</td><td>{escape(p.title)}</td>"
        f"<td>{escape(p.meaning)}</td></tr>"
        for p in PROBLEM_TYPES.values()
    )
    return HTMLResponse(
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8"><title>Machi problem types</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}"
        "td,th{text-align:left;vertical-align:top;padding:.3rem .6rem}"
        "tr:target{background:#ffec99}</style></head><body>"
        "<h1>Problem types</h1>"
        "<p>Every error Machi answers is an RFC 9457 <code>application/problem+json</code>"
        " document whose <code>type</code> is a link to its row here. Match on the part after"
        " <code>#</code>.</p>"
        "<table><thead><tr><th>type</th><th>status</th><th>title</th><th>meaning</th></tr>"
        f"</thead><tbody>\n{rows}\n</tbody></table></body></html>"
    )
