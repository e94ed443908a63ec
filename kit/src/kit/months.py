"""Calendar months as the usage reports name them (`YYYY-MM`, UTC)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from kit.errors import InvalidInput

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """'2026-11' -> [2026-11-01, 2026-12-01) in UTC; anything else is a 400 problem."""
    if not MONTH.fullmatch(month):
        raise InvalidInput("month must be YYYY-MM")
    year, number = int(month[:4]), int(month[5:])
    start = datetime(year, number, 1, tzinfo=UTC)
    stop = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return start, stop
