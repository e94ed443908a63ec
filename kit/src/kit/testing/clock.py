"""A clock a test moves by hand, for code that takes `clock: Callable[[], datetime]`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """Starts at the real now and stands still until `advance`: a lease lapses without a sleep."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        """Move forward by `seconds`; the new now."""
        self.now += timedelta(seconds=seconds)
        return self.now
