"""The console's forms as data: read from the submitted form, checked for what a person can get
wrong before anything is sent (the API checks everything again and its 422s are shown too)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from babel.numbers import get_currency_precision
from starlette.datastructures import FormData, UploadFile

from web.i18n import LANGUAGES, N_

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MONTHS = {str(month) for month in range(1, 13)}
# The API's VariantCreate.unit, each as a page shows it (grams and litres need no words).
UNITS = {
    "piece": N_("pieces"),
    "set": N_("sets"),
    "g": "g",
    "kg": "kg",
    "ml": "ml",
    "l": "l",
}
SKU = re.compile(r"^[A-Za-z0-9._\-/]{1,64}$")


def text_field(form: FormData, name: str) -> str:
    """A form field's text, trimmed (empty when absent or a file)."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def minor_units(price: str, currency: str) -> int | None:
    """A price typed in the currency's units (`1980`, `1,980`, `12.50`) in minor units, or
    None when it is not a price."""
    cleaned = price.replace(",", "").replace("¥", "").replace("￥", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    scaled = value.scaleb(get_currency_precision(currency))
    if value < 0 or scaled != scaled.to_integral_value():
        return None
    return int(scaled)


def major_units(amount: int | None, currency: str) -> str:
    """Minor units as the price field shows them (1980 -> `1980`, 1250 USD -> `12.50`)."""
    if amount is None:
        return ""
    return str(Decimal(amount).scaleb(-get_currency_precision(currency)))


@dataclass
class ProductForm:
    """The product form: names and descriptions side by side in each language."""

    producer_id: str = ""
    slug: str = ""
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    price: str = ""
    category_id: str = ""
    publish: bool = False
    photo: UploadFile | None = None
    season_months: list[int] = field(default_factory=list)  # none: all year
    version: str = ""  # the ETag the form was filled from
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData, *, creating: bool, currency: str) -> ProductForm:
        photo = form.get("photo")
        chosen = photo if isinstance(photo, UploadFile) and photo.filename else None
        found = cls(
            producer_id=text_field(form, "producer_id"),
            slug=text_field(form, "slug"),
            names={lang: text_field(form, f"name_{lang}") for lang in LANGUAGES},
            descriptions={lang: text_field(form, f"description_{lang}") for lang in LANGUAGES},
            price=text_field(form, "price"),
            category_id=text_field(form, "category_id"),
            publish=form.get("publish") == "on",
            photo=chosen,
            season_months=sorted({int(v) for v in form.getlist("season_months") if v in MONTHS}),
            version=text_field(form, "version"),
        )
        found.check(creating=creating, currency=currency)
        return found

    def check(self, *, creating: bool, currency: str) -> None:
        if creating and not self.producer_id:
            self.errors["producer_id"] = N_("Choose a producer.")
        if creating and not SLUG.match(self.slug):
            self.errors["slug"] = N_(
                "Lowercase letters, digits and hyphens, e.g. aged-black-garlic."
            )
        if not any(self.names.values()):
            self.errors["name"] = N_("Give the product a name in at least one language.")
        if self.price and minor_units(self.price, currency) is None:
            self.errors["price"] = N_("Write the price as a number, e.g. 1980.")
        if self.photo is not None and not (self.photo.content_type or "").startswith("image/"):
            self.errors["photo"] = N_("The photo must be an image (JPEG, PNG or WebP).")


def whole_number(value: str) -> int | None:
    """A count typed as digits (`12`, `1,200`), None when it is not one."""
    cleaned = value.replace(",", "").strip()
    return int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None


@dataclass
class VariantForm:
    """One sellable unit of a product: what it is (SKU, amount) and its price and stock."""

    sku: str = ""
    unit: str = "piece"
    quantity: str = "1"
    price: str = ""
    stock: str = ""  # empty: not counted
    made_to_order: bool = False
    version: str = ""  # the variant's ETag the form was filled from
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData, *, creating: bool, currency: str) -> VariantForm:
        found = cls(
            sku=text_field(form, "sku"),
            unit=text_field(form, "unit") or "piece",
            quantity=text_field(form, "quantity") or "1",
            price=text_field(form, "price"),
            stock=text_field(form, "stock"),
            made_to_order=form.get("made_to_order") == "on",
            version=text_field(form, "version"),
        )
        if creating and not SKU.match(found.sku):
            found.errors["sku"] = N_("Letters, digits and . _ - / only, e.g. BG-200.")
        if found.unit not in UNITS:
            found.errors["unit"] = N_("Choose a unit.")
        if not whole_number(found.quantity):
            found.errors["quantity"] = N_("Write how many units as a whole number, e.g. 200.")
        if minor_units(found.price, currency) is None:
            found.errors["price"] = N_("Write the price as a number, e.g. 1980.")
        if found.stock and whole_number(found.stock) is None:
            found.errors["stock"] = N_("Write the stock as a whole number, or leave it empty.")
        return found

    def body(self, currency: str) -> dict[str, object]:
        """The API's VariantCreate / VariantUpdate fields the form holds (the SKU aside)."""
        return {
            "unit": self.unit,
            "quantity": whole_number(self.quantity),
            "price_amount": minor_units(self.price, currency),
            "currency": currency,
            "stock": whole_number(self.stock) if self.stock else None,
            "made_to_order": self.made_to_order,
        }
