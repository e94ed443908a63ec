"""Language choice and formatting: the switch, then the saved choice, then Accept-Language."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

import web
from kit.problems import PROBLEM_TYPES
from web import i18n
from web.problems import TITLES


def test_the_switch_wins_over_the_saved_choice_and_the_browser() -> None:
    assert i18n.choose("ko", "ja", "en-US,en;q=0.9") == "ko"


def test_a_saved_choice_wins_over_the_browser() -> None:
    assert i18n.choose(None, "ja", "ko-KR,ko;q=0.9") == "ja"


def test_accept_language_is_read_by_quality_and_region() -> None:
    assert i18n.choose(None, None, "fr;q=0.9, ko-KR;q=0.95, en;q=0.1") == "ko"
    assert i18n.choose(None, None, "zh-TW,en-GB;q=0.8") == "en"


def test_an_unknown_or_missing_language_falls_back_to_english() -> None:
    assert i18n.choose("xx", "yy", None) == "en"


def test_prices_are_written_in_each_language_from_minor_units() -> None:
    assert i18n.price(1980, "JPY", "ja") == "￥1,980"
    assert i18n.price(1980, "JPY", "en") == "¥1,980"
    assert i18n.price(150, "USD", "en") == "$1.50"


def test_dates_are_shown_in_the_towns_timezone_with_its_name() -> None:
    moment = datetime(2026, 11, 3, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo
    shown = i18n.when(moment, "Asia/Tokyo", "ja")
    assert "11月3日" in shown
    assert "12:00" in shown


def test_every_catalog_translates_every_message() -> None:
    catalogs = i18n.load_translations()
    for language in ("ja", "ko"):
        assert catalogs[language].ugettext("Sign in") != "Sign in", language
        assert catalogs[language].ugettext("Buy") != "Buy", language


def test_every_message_of_the_templates_and_code_is_translated_into_japanese_and_korean() -> None:
    root = Path(web.__file__).parent
    method_map = [("templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    messages = {
        found[2]
        for found in extract_from_dir(root, method_map, options, keywords=keywords)
        if isinstance(found[2], str)
    }
    assert "Sign in" in messages
    for language in ("ja", "ko"):
        po = root / "locale" / language / "LC_MESSAGES" / "messages.po"
        with po.open("rb") as file:
            catalog = read_po(file)
        untranslated = sorted(m for m in messages if not (catalog.get(m) and catalog[m].string))
        assert untranslated == [], f"{language}: pybabel extract, then translate these"


def test_every_problem_title_of_the_api_is_marked_for_translation() -> None:
    """A new problem type must get its ja and ko title before a page can show it."""
    missing = {p.title for p in PROBLEM_TYPES.values()} - TITLES
    assert missing == set()
