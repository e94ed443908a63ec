"""The reports page's best-times heatmap, from the API's rows per channel."""

from __future__ import annotations

import uuid

from machi_client.models import BestTime, BestTimes
from web.reports.service import heatmap


def _row(weekday: int, hour: int, samples: int, average: float) -> BestTime:
    return BestTime(
        channel_id=uuid.uuid4(),
        platform="x",
        weekday=weekday,
        hour=hour,
        samples=samples,
        average_clicks=average,
    )


def test_channels_of_one_hour_are_weighed_by_their_posts() -> None:
    answer = BestTimes(
        timezone="Asia/Tokyo",
        min_samples=3,
        items=[_row(4, 19, 3, 10.0), _row(4, 19, 1, 2.0), _row(0, 8, 5, 4.0)],
    )
    made = heatmap(answer, "ja")
    friday_evening = made.slots[(4, 19)]
    assert friday_evening.samples == 4
    assert friday_evening.average_clicks == 8.0  # (3 x 10 + 1 x 2) / 4, not (10 + 2) / 2
    assert [(s.weekday, s.hour) for s in made.top] == [(4, 19), (0, 8)]
    assert made.days[4] == "金"


def test_the_best_hour_is_full_strength_and_an_unmeasured_hour_is_blank() -> None:
    answer = BestTimes(
        timezone="Asia/Tokyo", min_samples=3, items=[_row(4, 19, 3, 10.0), _row(0, 8, 3, 5.0)]
    )
    made = heatmap(answer, "en")
    assert made.shade(4, 19) == 1.0
    assert 0.15 < made.shade(0, 8) < 1.0
    assert made.shade(2, 3) == 0.0
    assert made.days[0] == "Mon"
