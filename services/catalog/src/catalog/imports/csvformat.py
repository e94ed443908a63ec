"""The catalog CSV format (README, "Catalog CSV import"): one row per variant, producer and
product columns repeated or left blank after their first row. Parsing and row checks only; no
database here.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from typing import Any

from catalog.money import is_currency
from kit.csvout import read_cell, write_csv

LANGS = ("ja", "ko", "en")
PRODUCER_KINDS = ("farm", "fishery", "maker", "shop", "inn", "restaurant", "workshop")
UNITS = ("g", "kg", "ml", "l", "piece", "set")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SKU = re.compile(r"^[A-Za-z0-9._\-/]{1,64}$")
CODE = re.compile(r"^[A-Za-z0-9._\-]{1,64}$")
LIST_SEPARATOR = "|"

COLUMNS: tuple[str, ...] = (
    "producer_code",
    "producer_kind",
    *(f"producer_name_{lang}" for lang in LANGS),
    "product_slug",
    *(f"product_name_{lang}" for lang in LANGS),
    *(f"product_description_{lang}" for lang in LANGS),
    "category",
    "tags",
    "season_months",
    "variant_sku",
    *(f"variant_name_{lang}" for lang in LANGS),
    "unit",
    "quantity",
    "price",
    "currency",
    "stock",
    "made_to_order",
    "weight_grams",
)
TRUE = {"true", "1", "yes", "y"}
FALSE = {"false", "0", "no", "n", ""}


@dataclass(frozen=True)
class RowError:
    """Why one cell of the file was refused; `row` counts the header as row 1."""

    row: int
    column: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class ProducerRow:
    code: str
    kind: str
    name: dict[str, str]


@dataclass
class ProductRow:
    slug: str
    producer_code: str
    name: dict[str, str]
    description: dict[str, str]
    category: str | None
    tags: list[str] | None
    season_months: list[int] | None


@dataclass
class VariantRow:
    sku: str
    product_slug: str
    name: dict[str, str]
    unit: str
    quantity: int
    price_amount: int
    currency: str
    stock: int | None
    made_to_order: bool
    weight_grams: int | None


@dataclass
class ParsedFile:
    """What a file declares, before it meets the database."""

    producers: dict[str, ProducerRow] = field(default_factory=dict)
    producer_refs: dict[str, int] = field(default_factory=dict)  # code -> first row using it
    products: dict[str, ProductRow] = field(default_factory=dict)
    product_rows: dict[str, int] = field(default_factory=dict)
    variants: dict[str, VariantRow] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0


def read_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a UTF-8 (BOM allowed) CSV; ValueError when it is not one."""
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    rows = [
        {k: read_cell((v or "").strip()).strip() for k, v in row.items() if k is not None}
        for row in reader
    ]
    return header, rows


def check_header(header: list[str]) -> list[RowError]:
    """Unknown, unnamed, repeated and missing columns, reported on row 1; a first row without
    a single known column is reported once, as a file without its header row."""
    if not any(column in COLUMNS for column in header):
        reason = f"the first row is not the header: expected {_expected()}; found {_found(header)}"
        return [RowError(1, "", reason)]
    errors = []
    seen: set[str] = set()
    for position, column in enumerate(header, start=1):
        if not column:
            errors.append(RowError(1, "", f"column {position} has no name; found {_found(header)}"))
        elif column not in COLUMNS:
            errors.append(RowError(1, column, _unknown(column)))
        elif column in seen:
            errors.append(RowError(1, column, f"column {column!r} appears twice"))
        seen.add(column)
    if "producer_code" not in header:
        errors.append(RowError(1, "producer_code", "required column missing"))
    return errors


def _unknown(column: str) -> str:
    close = difflib.get_close_matches(column, COLUMNS, n=1)
    if close:
        return f"unknown column {column!r}: did you mean {close[0]!r}?"
    return f"unknown column {column!r}: expected {', '.join(COLUMNS)}"


def _expected(shown: int = 6) -> str:
    return f"{', '.join(COLUMNS[:shown])}, ... ({len(COLUMNS)} columns, README: Catalog CSV import)"


def _found(header: list[str], shown: int = 6) -> str:
    cells = ", ".join(repr(c) for c in header[:shown])
    return cells + (f", ... ({len(header)} cells)" if len(header) > shown else "")


def _translations(row: dict[str, str], prefix: str) -> dict[str, str]:
    return {lang: row[f"{prefix}_{lang}"] for lang in LANGS if row.get(f"{prefix}_{lang}")}


def _int(
    row: dict[str, str], column: str, line: int, errors: list[RowError], *, minimum: int
) -> int | None:
    raw = row.get(column, "")
    if raw == "":
        return None
    if not re.fullmatch(r"-?\d+", raw):
        errors.append(RowError(line, column, f"{raw!r} is not a whole number"))
        return None
    value = int(raw)
    if value < minimum:
        reason = "negative price" if column == "price" else f"must be at least {minimum}"
        errors.append(RowError(line, column, reason))
        return None
    return value


def _list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]


def parse(header: list[str], rows: list[dict[str, str]]) -> ParsedFile:
    """Every declaration of the file and every error a row carries on its own."""
    parsed = ParsedFile(errors=check_header(header), rows=len(rows))
    for index, row in enumerate(rows):
        line = index + 2
        _producer(parsed, row, line)
        if row.get("product_slug"):
            _product(parsed, row, line)
        elif any(row.get(c) for c in ("variant_sku", "price", "product_name_ja")):
            parsed.errors.append(RowError(line, "product_slug", "required for product columns"))
    return parsed


def _producer(parsed: ParsedFile, row: dict[str, str], line: int) -> None:
    code = row.get("producer_code", "")
    if not code:
        parsed.errors.append(RowError(line, "producer_code", "required"))
        return
    if not CODE.match(code):
        parsed.errors.append(RowError(line, "producer_code", "letters, digits, . _ - only"))
        return
    parsed.producer_refs.setdefault(code, line)
    kind = row.get("producer_kind", "")
    name = _translations(row, "producer_name")
    if not kind and not name:
        return  # a reference to a producer declared elsewhere
    if kind not in PRODUCER_KINDS:
        reason = f"unknown producer kind {kind!r}" if kind else "required with a producer name"
        parsed.errors.append(RowError(line, "producer_kind", reason))
        return
    if not name:
        parsed.errors.append(RowError(line, "producer_name_ja", "a producer needs a name"))
        return
    parsed.producers[code] = ProducerRow(code, kind, name)


def _product(parsed: ParsedFile, row: dict[str, str], line: int) -> None:
    slug = row["product_slug"]
    if not SLUG.match(slug) or len(slug) > 120:
        parsed.errors.append(RowError(line, "product_slug", "lowercase letters, digits, hyphens"))
        return
    code = row.get("producer_code", "")
    known = parsed.products.get(slug)
    if known is not None and code and known.producer_code != code:
        parsed.errors.append(
            RowError(line, "producer_code", f"product {slug!r} belongs to {known.producer_code!r}")
        )
        return
    if known is None:
        known = ProductRow(slug, code, {}, {}, None, None, None)
        parsed.products[slug] = known
        parsed.product_rows[slug] = line
    _product_fields(parsed, known, row, line)
    if row.get("variant_sku") or row.get("price"):
        _variant(parsed, slug, row, line)


def _product_fields(
    parsed: ParsedFile, product: ProductRow, row: dict[str, str], line: int
) -> None:
    product.name |= _translations(row, "product_name")
    product.description |= _translations(row, "product_description")
    if row.get("category"):
        product.category = row["category"]
    if row.get("tags"):
        product.tags = [t.lower() for t in _list(row["tags"])]
        if any(len(t) > 64 for t in product.tags):
            parsed.errors.append(RowError(line, "tags", "a tag is at most 64 characters"))
    if row.get("season_months"):
        months = _list(row["season_months"])
        if not all(m.isdigit() and 1 <= int(m) <= 12 for m in months):
            parsed.errors.append(RowError(line, "season_months", "months are 1 to 12"))
            return
        product.season_months = sorted({int(m) for m in months})


def _variant(parsed: ParsedFile, slug: str, row: dict[str, str], line: int) -> None:
    errors = parsed.errors
    before = len(errors)
    sku = row.get("variant_sku", "")
    if not SKU.match(sku):
        errors.append(RowError(line, "variant_sku", "required: letters, digits, . _ - / only"))
    elif sku in parsed.variants:
        errors.append(RowError(line, "variant_sku", f"SKU {sku!r} appears twice in the file"))
    unit = row.get("unit") or "piece"
    if unit not in UNITS:
        errors.append(RowError(line, "unit", f"unknown unit {unit!r} (one of {', '.join(UNITS)})"))
    quantity = _int(row, "quantity", line, errors, minimum=1)
    price = _int(row, "price", line, errors, minimum=0)
    if row.get("price", "") == "":
        errors.append(RowError(line, "price", "required"))
    currency = row.get("currency") or "JPY"
    if not is_currency(currency):
        errors.append(RowError(line, "currency", f"bad currency {currency!r}"))
    stock = _int(row, "stock", line, errors, minimum=0)
    weight = _int(row, "weight_grams", line, errors, minimum=1)
    made_to_order = row.get("made_to_order", "").lower()
    if made_to_order not in TRUE | FALSE:
        errors.append(RowError(line, "made_to_order", "true or false"))
    if len(errors) > before or price is None:
        return
    parsed.variants[sku] = VariantRow(
        sku=sku,
        product_slug=slug,
        name=_translations(row, "variant_name"),
        unit=unit,
        quantity=quantity or 1,
        price_amount=price,
        currency=currency,
        stock=stock,
        made_to_order=made_to_order in TRUE,
        weight_grams=weight,
    )


def write(rows: list[dict[str, str]]) -> str:
    """Rows in the import format, header first (formula-like cells neutralised, see kit)."""
    return write_csv(rows, COLUMNS, lineterminator="\n")
