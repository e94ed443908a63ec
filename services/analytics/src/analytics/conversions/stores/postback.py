"""Machi's generic server-to-server postback (the affiliate pattern: Taboola, Everflow, Awin):
JSON `{order_id, amount (minor units), currency, click_id?, coupon?, status, items?}` signed
with `X-Machi-Signature: sha256=<hex HMAC-SHA256 of the body>` under the tenant's secret."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from analytics.conversions.orders import Line, Order, Reversal, product_id

SIGNATURE_HEADER = "x-machi-signature"


class PostbackItem(BaseModel):
    product_id: str | None = None
    quantity: int = Field(default=1, ge=1)
    amount: int = Field(ge=0)


class Postback(BaseModel):
    order_id: str = Field(min_length=1, max_length=128)
    amount: int = Field(ge=0)
    currency: str = Field(default="JPY", min_length=3, max_length=3)
    click_id: str | None = Field(default=None, max_length=32)
    coupon: str | None = Field(default=None, max_length=64)
    status: Literal["approved", "cancelled"] = "approved"
    occurred_at: datetime | None = None
    items: list[PostbackItem] = []

    def order(self, store: str = "postback") -> Order:
        return Order(
            store=store,
            order_id=self.order_id,
            occurred_at=self.occurred_at or datetime.now(UTC),
            currency=self.currency.upper(),
            amount=self.amount,
            click_id=self.click_id,
            coupon=self.coupon,
            lines=[
                Line(
                    external_id=str(i),
                    quantity=it.quantity,
                    amount=it.amount,
                    product_id=product_id(it.product_id),
                )
                for i, it in enumerate(self.items)
            ],
        )

    def reversal(self, store: str = "postback") -> Reversal:
        return Reversal(store=store, order_id=self.order_id)
