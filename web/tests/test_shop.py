"""The city page's choice of the specialty of the day."""

from __future__ import annotations

import uuid

from machi_client.models import CategoriesSection, PublicCategory
from web.shop.service import DASH, Card, Shelf, opening_hours, shelves, specialty


def card(id_: str) -> Card:
    return Card(id_, id_, id_, "", "", None, "JPY", None, None)


def test_the_product_of_the_latest_post_is_the_specialty() -> None:
    garlic, tofu, tea = card("garlic"), card("tofu"), card("tea")
    assert specialty("tea", [garlic, tofu], [garlic, tofu, tea]) is tea


def test_without_a_post_the_first_product_in_season_is() -> None:
    garlic, tofu = card("garlic"), card("tofu")
    assert specialty(None, [tofu], [garlic, tofu]) is tofu
    assert specialty("gone", [], [garlic, tofu]) is garlic
    assert specialty(None, [], []) is None


def test_days_with_the_same_hours_run_together_and_holidays_come_last() -> None:
    periods = [
        {"day": day, "opens": "09:00", "closes": "17:00"} for day in ("mon", "tue", "wed")
    ] + [
        {"day": "sat", "opens": "10:00", "closes": "15:00"},
        {"day": "holiday", "opens": "10:00", "closes": "12:00"},
    ]
    assert opening_hours(periods, "en") == [
        (f"Mon{DASH}Wed", f"09:00{DASH}17:00"),
        ("Sat", f"10:00{DASH}15:00"),
        ("holiday", f"10:00{DASH}12:00"),
    ]
    assert opening_hours(periods, "ja")[0][0] == f"月{DASH}水"
    assert opening_hours(None, "en") == []


def test_products_are_shelved_by_category_in_the_towns_order_uncategorized_last() -> None:
    tea, tofu, doll = card("tea"), card("tofu"), card("doll")
    categories = CategoriesSection(
        available=True,
        items=[
            PublicCategory(id=uuid.UUID(int=1), slug="food", name="Food"),
            PublicCategory(id=uuid.UUID(int=2), slug="drinks", name="Drinks"),
        ],
    )
    tea = Card(**{**tea.__dict__, "category_id": str(uuid.UUID(int=2))})
    tofu = Card(**{**tofu.__dict__, "category_id": str(uuid.UUID(int=1))})
    assert shelves([tea, doll, tofu], categories) == [
        Shelf("Food", [tofu]),
        Shelf("Drinks", [tea]),
        Shelf("", [doll]),
    ]
