"""Currencies the catalog accepts and their minor units (ISO 4217, "Minor unit" column).

https://www.six-group.com/en/products-services/financial-information/data-standards.html
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

MINOR_UNITS: dict[str, int] = {
    "JPY": 0,  # ISO 4217: yen has no minor unit
    "KRW": 0,  # ISO 4217: won has no minor unit
    "TWD": 2,
    "CNY": 2,
    "HKD": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "AUD": 2,
    "CAD": 2,
    "SGD": 2,
    "THB": 2,
}


def is_currency(code: str) -> bool:
    """True for a currency code this catalog prices in."""
    return code in MINOR_UNITS


def to_minor(amount: str | int | float, currency: str) -> int | None:
    """A store's decimal price ("1980.00") in integer minor units; None when unreadable."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    scaled = value.scaleb(MINOR_UNITS.get(currency, 2))
    return int(scaled.to_integral_value())
