"""A campaign template filled for one product, in the post's language."""

from __future__ import annotations

import string

from publisher.models import Product
from publisher.products.service import localized, price_text

# A season in words: its first and last month, or all year (empty `season_months`).
_MONTHS = {
    "ja": ("{}月", "〜", "通年"),
    "ko": ("{}월", "~", "연중"),
    "en": ("{}", "-", "all year"),
}
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class _Fields(dict[str, str]):
    """Template fields; an unknown `{field}` stays as written ({link} is filled at publish)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def season_text(product: Product, language: str) -> str:
    """The product's season in `language`: "Oct-Dec", "10月〜12月", or all year."""
    month, dash, all_year = _MONTHS.get(language, _MONTHS["en"])
    months = sorted(int(m) for m in product.season_months or [])
    if not months:
        return all_year
    if language not in _MONTHS or language == "en":
        names = [_EN_MONTHS[m - 1] for m in (months[0], months[-1])]
    else:
        names = [month.format(m) for m in (months[0], months[-1])]
    return names[0] if names[0] == names[1] else f"{names[0]}{dash}{names[1]}"


def fill(template: str, product: Product, language: str) -> str:
    """`template` with the product's catalog fields in `language` (name, producer, price,
    story, season); `{link}` stays for the dispatcher to put the tracked buy link in."""
    fields = _Fields(
        name=localized(product.name, language, product.slug),
        producer=localized(product.producer_name, language),
        price=price_text(product, language),
        story=localized(product.story, language),
        season=season_text(product, language),
        slug=product.slug,
    )
    return string.Formatter().vformat(template, (), fields)
