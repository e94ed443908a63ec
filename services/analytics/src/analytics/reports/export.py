"""CSV rendering of any report: flat rows, one header line, RFC 4180 quoting, formula-like
cells neutralised (kit.csvout)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response

from kit.csvout import write_csv


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def csv_response(rows: list[dict[str, Any]], filename: str) -> Response:
    """`rows` as a CSV download."""
    fields = list(rows[0]) if rows else ["empty"]
    body = write_csv(({k: _cell(v) for k, v in row.items()} for row in rows), fields)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )
