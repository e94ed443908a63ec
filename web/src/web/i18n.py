"""Japanese, Korean and English: the gettext catalogs under `locale/` (read from their `.po`
files at start, so there is no compiled file to keep in step), the choice of a visitor's
language, and dates and prices in the town's timezone and currency (Babel, CLDR data)."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.core import negotiate_locale
from babel.dates import (
    format_datetime,
    format_skeleton,
    format_timedelta,
    get_day_names,
    get_month_names,
)
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, get_currency_precision
from babel.support import Translations
from babel.units import format_unit
from starlette.responses import Response

LANGUAGES = ("ja", "ko", "en")
DEFAULT = "en"
LANGUAGE_NAMES = {"ja": "日本語", "ko": "한국어", "en": "English"}
LANG_COOKIE = "machi_lang"
LOCALE_DIR = Path(__file__).parent / "locale"
# The full locale Babel formats with, for each language (currency symbols and date patterns
# differ between `ja` and `ja_JP`).
REGIONS = {"ja": "ja_JP", "ko": "ko_KR", "en": "en_US"}


def N_(message: str) -> str:  # noqa: N802 (the name gettext's extractors look for)
    """Mark `message` for translation where it is written; templates translate it when shown."""
    return message


def load_translations(directory: Path = LOCALE_DIR) -> dict[str, Translations]:
    """Each language's catalog, compiled in memory from `locale/<lang>/LC_MESSAGES/messages.po`."""
    found: dict[str, Translations] = {}
    for language in LANGUAGES:
        po = directory / language / "LC_MESSAGES" / "messages.po"
        if not po.exists():
            found[language] = Translations()
            continue
        with po.open("rb") as file:
            catalog = read_po(file, locale=language)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        compiled.seek(0)
        found[language] = Translations(compiled)
    return found


def remember(response: Response, language: str | None) -> None:
    """Keep the visitor's choice of language in their browser (None: forget it, so the
    browser's `Accept-Language` decides again)."""
    if language in LANGUAGES:
        response.set_cookie(LANG_COOKIE, str(language), max_age=365 * 86_400, samesite="lax")
    else:
        response.delete_cookie(LANG_COOKIE, samesite="lax")


def parse_accept_language(header: str | None) -> list[str]:
    """The tags of an `Accept-Language` header, most preferred first (RFC 9110 12.5.4)."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def choose(
    asked: str | None,
    saved: str | None,
    accept_language: str | None,
    offered: Iterable[str] = LANGUAGES,
    fallback: str = DEFAULT,
) -> str:
    """The language of a page: the one asked for (`?lang=`), else the saved choice, else the
    browser's preference among those offered, else `fallback`."""
    available = [language for language in offered if language in LANGUAGES] or [DEFAULT]
    for candidate in (asked, saved):
        if candidate in available:
            return str(candidate)
    preferred = [tag.replace("_", "-") for tag in parse_accept_language(accept_language)]
    found = negotiate_locale(preferred, available, sep="-")
    if found is None:  # `ko-KR` against `ko`: match on the primary subtag too
        primaries = [tag.split("-")[0].lower() for tag in preferred]
        found = next((p for p in primaries if p in available), None)
    return found or (fallback if fallback in available else available[0])


@functools.lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(REGIONS.get(language, language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT)


def price(amount: int | None, currency: str, language: str) -> str:
    """`amount` in minor units (¥1,980 = 1980; $1.50 = 150) as the language writes it."""
    if amount is None:
        return ""
    precision = get_currency_precision(currency)
    value = Decimal(amount).scaleb(-precision)
    return str(format_currency(value, currency, locale=_locale(language)))


def when(moment: datetime | None, timezone: str, language: str) -> str:
    """A date and time in the town's timezone, with the zone named (`JST`)."""
    if moment is None:
        return ""
    zone = ZoneInfo(timezone)
    local = moment.astimezone(zone)
    day = format_skeleton("yMMMEd", local, locale=_locale(language))
    return f"{day} {format_datetime(local, 'HH:mm zzz', tzinfo=zone, locale=_locale(language))}"


def age(moment: datetime | None, now: datetime, language: str) -> str:
    """How long ago `moment` was, short and rounded as people say it (`3 hr`, `3時間`)."""
    if moment is None:
        return ""
    gone = max(now - moment, timedelta(0))
    return str(format_timedelta(gone, format="short", threshold=1, locale=_locale(language)))


def months(language: str) -> list[tuple[int, str]]:
    """The twelve months' names in `language` (1 -> January, 1月, 1월), for a season's boxes."""
    names = get_month_names("wide", locale=language)
    return [(number, str(names[number])) for number in range(1, 13)]


def day_names(language: str) -> list[str]:
    """Monday to Sunday, abbreviated as the language writes them (`月`, `월`, `Mon`)."""
    names = get_day_names("abbreviated", locale=_locale(language))
    return [str(names[day]) for day in range(7)]


def day(value: date, language: str) -> str:
    """A calendar day as the language writes it short, with its weekday (`Mon, Jan 7`)."""
    return str(format_skeleton("MMMEd", datetime.combine(value, time()), locale=_locale(language)))


def month(value: date, language: str) -> str:
    """A month and its year (`January 2031`, `2031年1月`)."""
    return str(format_skeleton("yMMMM", datetime.combine(value, time()), locale=_locale(language)))


DURATION_UNITS = (
    (86_400, "duration-day"),
    (3_600, "duration-hour"),
    (60, "duration-minute"),
    (1, "duration-second"),
)


def duration(seconds: float | None, language: str) -> str:
    """A length of time by its two largest units, as the language writes them short (`19 min
    30 sec`, `1 時間30 分`, `2일 3시간`); an en dash for none."""
    if seconds is None:
        return "\u2013"
    left = round(seconds)
    parts: list[str] = []
    for size, unit in DURATION_UNITS:
        count, left = divmod(left, size)
        if count and len(parts) < 2:
            parts.append(str(format_unit(count, unit, length="short", locale=_locale(language))))
        elif parts:
            break  # `1 hr 0 min 5 sec` is shown `1 hr`: two neighbouring units at most
    if not parts:
        return str(format_unit(0, "duration-second", length="short", locale=_locale(language)))
    return str(format_list(parts, style="unit-narrow", locale=_locale(language)))
