"""Monthly order CSVs of stores without webhooks (Yahoo! Shopping, Rakuten): one row per line
item, rows of one order share `order_id`. Columns: order_id, ordered_at (ISO 8601), amount
(the line's amount, major units), currency, click_id, coupon_code, product_id, quantity,
status (cancelled rows reverse the order)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from analytics.conversions.orders import Line, Order, Reversal, minor_units, product_id
from analytics.errors import BadOrder

REQUIRED = ("order_id", "ordered_at", "amount")


@dataclass
class Parsed:
    orders: list[Order] = field(default_factory=list)
    reversals: list[Reversal] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)


def _when(value: str) -> datetime:
    moment = datetime.fromisoformat(value.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse(text: str, store: str) -> Parsed:
    """Every order in the file, or the errors of every bad row (nothing is half-imported)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    result = Parsed()
    if missing:
        result.errors.append({"line": 1, "error": f"missing columns: {', '.join(missing)}"})
        return result
    rows: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in enumerate(reader, start=2):
        rows[(row.get("order_id") or "").strip()].append((number, row))
    for order_id, lines in rows.items():
        try:
            result.orders.append(_order(store, order_id, lines))
            if any((r.get("status") or "").strip().lower() == "cancelled" for _, r in lines):
                result.reversals.append(Reversal(store=store, order_id=order_id))
        except (BadOrder, ValueError, KeyError) as exc:
            result.errors.append({"line": lines[0][0], "error": str(exc)})
    return result


def _order(store: str, order_id: str, lines: list[tuple[int, dict[str, str]]]) -> Order:
    if not order_id:
        raise BadOrder("order_id is empty")
    first = lines[0][1]
    currency = (first.get("currency") or "JPY").strip().upper()
    parsed = [
        Line(
            external_id=str(number),
            quantity=int(row.get("quantity") or 1),
            amount=minor_units(row["amount"].strip(), currency),
            product_id=product_id((row.get("product_id") or "").strip()),
        )
        for number, row in lines
    ]
    return Order(
        store=store,
        order_id=order_id,
        occurred_at=_when(first["ordered_at"]),
        currency=currency,
        amount=sum(line.amount for line in parsed),
        click_id=(first.get("click_id") or "").strip() or None,
        coupon=(first.get("coupon_code") or "").strip() or None,
        lines=parsed,
    )
