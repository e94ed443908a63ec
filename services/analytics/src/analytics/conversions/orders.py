"""Store orders in one shape, whatever store they came from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from analytics.errors import BadOrder

# ISO 4217 minor units; the rest have 2 (https://www.iso.org/iso-4217-currency-codes.html).
ZERO_DECIMAL = {"JPY", "KRW", "VND", "CLP", "ISK", "TWD", "HUF"}


def minor_units(value: object, currency: str) -> int:
    """'1980.00' JPY -> 1980; '12.34' USD -> 1234."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise BadOrder(f"not an amount: {value!r}") from exc
    exponent = 0 if currency.upper() in ZERO_DECIMAL else 2
    return int((amount * (10**exponent)).to_integral_value())


@dataclass(frozen=True)
class Line:
    external_id: str | None
    quantity: int
    amount: int
    product_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Order:
    """An order to record; attributed by click id first, then coupon code."""

    store: str
    order_id: str
    occurred_at: datetime
    currency: str
    amount: int
    click_id: str | None = None
    coupon: str | None = None
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Reversal:
    """A cancellation (every line) or a refund (the amounts of some lines)."""

    store: str
    order_id: str
    refunds: dict[str, int] = field(default_factory=dict)  # line external id -> amount

    @property
    def full(self) -> bool:
        return not self.refunds


def product_id(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None
