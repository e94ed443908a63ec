"""kit.preconditions: version ETags and If-Match matching (RFC 9110 13.1.1)."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import pytest

from kit.preconditions import UNCONDITIONAL, IfMatch, PreconditionFailed, matches, version_etag


@dataclass
class Row:
    id: uuid.UUID
    updated_at: datetime


def test_version_etag_is_strong_and_changes_with_updated_at() -> None:
    row = Row(uuid.uuid4(), datetime(2026, 12, 6, 9, 0, tzinfo=UTC))
    tag = version_etag(row)
    assert tag.startswith('"')
    assert tag.endswith('"')
    assert version_etag(Row(row.id, row.updated_at + timedelta(microseconds=1))) != tag


def test_version_etag_ignores_the_timezone_an_instant_is_written_in() -> None:
    row = Row(uuid.uuid4(), datetime(2026, 12, 6, 9, 0, tzinfo=UTC))
    tokyo = row.updated_at.astimezone(timezone(timedelta(hours=9)))
    assert version_etag(Row(row.id, tokyo)) == version_etag(row)


def test_star_and_any_listed_tag_match_but_a_weak_one_does_not() -> None:
    assert matches("*", '"a"')
    assert matches('"b", "a"', '"a"')
    assert not matches('W/"a"', '"a"')
    assert not matches('"b"', '"a"')


def test_check_raises_412_on_another_version_and_passes_without_a_header() -> None:
    row = Row(uuid.uuid4(), datetime.now(UTC))
    UNCONDITIONAL.check(row)
    IfMatch(version_etag(row)).check(row)
    with pytest.raises(PreconditionFailed) as raised:
        IfMatch('"stale"').check(row)
    assert raised.value.status == 412
    assert raised.value.extra["etag"] == version_etag(row)
