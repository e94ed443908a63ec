"""Choosing one language out of a translations dict: `?lang=`, then `Accept-Language`, then
the tenant's fallback language, then the tenant's other languages in its order, then whatever
text exists (RFC 9110 section 12.5.4)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LanguagePreference:
    """The caller's languages in order of preference, the tenant's fallback and its others."""

    wanted: tuple[str, ...]
    fallback: str
    others: tuple[str, ...] = ()

    def pick(self, texts: Mapping[str, str]) -> tuple[str | None, str | None]:
        """The (language, text) best matching the preference; (None, None) when empty."""
        for lang in (*self.wanted, self.fallback, *self.others):
            text = _lookup(texts, lang)
            if text is not None:
                return text
        for lang, value in texts.items():
            if value:
                return lang, value
        return None, None


def _lookup(texts: Mapping[str, str], lang: str) -> tuple[str, str] | None:
    if texts.get(lang):
        return lang, texts[lang]
    primary = lang.split("-")[0]
    for key, value in texts.items():
        if value and key.split("-")[0] == primary:
            return key, value
    return None


def parse_accept_language(header: str | None) -> list[str]:
    """Language tags of an Accept-Language header, best first (q=0 dropped)."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip().lower()
        if not tag or tag == "*":
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            weighted.append((-quality, index, tag))
    return [tag for _, _, tag in sorted(weighted)]


def preference(
    lang: str | None, accept_language: str | None, fallback: str, others: Iterable[str] = ()
) -> LanguagePreference:
    """The preference of one request; `fallback` and `others` are the tenant's languages."""
    wanted = [lang.lower()] if lang else []
    wanted += parse_accept_language(accept_language)
    return LanguagePreference(tuple(wanted), fallback, tuple(o for o in others if o != fallback))


def normalize(text: str) -> str:
    """Search form of a text: NFKC (full-width to half-width, compatibility kana) and casefold."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_text(*translations: Mapping[str, str] | Iterable[str]) -> str:
    """One normalized text of every translation given, for the trigram index."""
    parts: list[str] = []
    for item in translations:
        values = item.values() if isinstance(item, Mapping) else item
        parts.extend(v for v in values if v)
    return normalize("\n".join(parts))


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


GRAM_BREAKS = frozenset(" \t\n\r")


def bigrams(text: str) -> list[str]:
    """Distinct adjacent character pairs of a normalized text, in order, none holding a space
    or line break: the keys of `product_grams` (migration 0005's `catalog_bigrams` in SQL)."""
    pairs = (text[i : i + 2] for i in range(len(text) - 1))
    return list(dict.fromkeys(p for p in pairs if not GRAM_BREAKS & set(p)))
