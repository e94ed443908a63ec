"""CSV written once for every export (catalog, reports, usage): RFC 4180 quoting, and cells a
spreadsheet would run as a formula neutralised; and the one way a route answers CSV or JSON.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula (OWASP "CSV Injection"), so a producer named
`=HYPERLINK("https://evil.example")` would act in the office that opens the export. Such a text
cell is written with a leading `'`, which spreadsheets show as text; numbers (`-120`) stay as
they are. `read_cell` undoes it, so an exported catalog imports back unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """`value`, or a text that would run as a formula with a leading `'`."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return ESCAPE + value


def read_cell(value: str) -> str:
    """A cell as `safe_cell` received it."""
    if value.startswith(ESCAPE) and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def write_csv(
    rows: Iterable[Mapping[str, Any]], fields: Sequence[str], *, lineterminator: str = "\r\n"
) -> str:
    """`rows` under a header of `fields` (keys not in `fields` are left out), every cell safe."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(fields), extrasaction="ignore", lineterminator=lineterminator
    )
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


async def primed(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    """`lines` with its first chunk already read: a failing first query raises here, while the
    request can still answer a problem, instead of cutting a 200 response short."""
    first = await anext(lines, None)

    async def replay() -> AsyncIterator[str]:
        if first is not None:
            yield first
        async for chunk in lines:
            yield chunk

    return replay()


def requested_format(request: Request, format: str) -> str:
    """The format a request asks for: a suffix of its path (`/overview.csv`) wins over
    `?format=`, whose value is `format`."""
    last = request.url.path.rsplit("/", 1)[-1]
    _, dot, suffix = last.rpartition(".")
    return suffix if dot and suffix else format


def _flat(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def csv_response(rows: Iterable[BaseModel | Mapping[str, Any]], filename: str) -> Response:
    """`rows` as a CSV download: the first row's keys as header, nested values as JSON."""
    dicts = [r.model_dump(mode="json") if isinstance(r, BaseModel) else dict(r) for r in rows]
    fields = list(dicts[0]) if dicts else ["empty"]
    body = write_csv(({k: _flat(v) for k, v in row.items()} for row in dicts), fields)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def csv_or_json(
    fmt: str, body: Any, rows: Iterable[BaseModel | Mapping[str, Any]], filename: str
) -> Any:
    """`rows` as a CSV download when `fmt` is `csv`; otherwise `body`, for FastAPI to answer as
    JSON through the route's response model."""
    if fmt == "csv":
        return csv_response(rows, filename)
    return body
