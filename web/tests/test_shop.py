"""The city page's choice of the specialty of the day."""

from __future__ import annotations

from web.shop.service import Card, specialty


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
