from datetime import UTC, datetime

import pytest

from kit.errors import InvalidInput
from kit.months import month_bounds


def test_a_month_runs_from_its_first_instant_to_the_next_months() -> None:
    assert month_bounds("2026-12") == (
        datetime(2026, 12, 1, tzinfo=UTC),
        datetime(2027, 1, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize("bad", ["2026-13", "2026-1", "26-01", "2026-00", "2026-01-01", ""])
def test_anything_but_yyyy_mm_is_invalid_input(bad: str) -> None:
    with pytest.raises(InvalidInput):
        month_bounds(bad)
