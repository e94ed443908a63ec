"""CSV rendering of any report: flat rows, one header line, RFC 4180 quoting."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.responses import Response


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def csv_response(rows: list[dict[str, Any]], filename: str) -> Response:
    """`rows` as a CSV download."""
    out = io.StringIO()
    fields = list(rows[0]) if rows else ["empty"]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )
