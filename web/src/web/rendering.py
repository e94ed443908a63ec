"""Templates: one Jinja2 environment (autoescaped), gettext through `jinja2.ext.i18n` in the
language of the page being rendered, and the filters pages format text, prices and dates with."""

from __future__ import annotations

import contextvars
import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.support import Translations
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from web import i18n
from web.console import navigation

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=i18n.DEFAULT)


def text(value: Any) -> str:
    """A localized API text: the string, or nothing when the API had none (`{}`)."""
    return value if isinstance(value, str) else ""


def on_gateway(url: str | None, public_api_url: str) -> str | None:
    """A gateway URL (`/r/{code}`, a media rendition) as the browser reaches it: its path under
    `WEB_PUBLIC_API_URL`, whatever origin the service that made it was configured with."""
    if not url:
        return None
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{public_api_url}{path}"


def asset_versions() -> dict[str, str]:
    """A short content hash per static file, so its URL changes when it does (cached forever)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in STATIC.iterdir()
        if path.is_file()
    }


class Renderer:
    """Renders pages in the language chosen for the request."""

    def __init__(self, translations: dict[str, Translations], api_url: str = "") -> None:
        self.translations = translations
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            self._gettext, self._ngettext, newstyle=True
        )
        versions = asset_versions()
        self.env.globals["asset"] = lambda name: f"/static/{name}?v={versions.get(name, '0')}"
        self.env.globals["LANGUAGE_NAMES"] = i18n.LANGUAGE_NAMES
        self.env.globals["api_url"] = api_url  # the gateway as browsers reach it
        self.env.globals["console_menu"] = navigation.menu
        self.env.globals["shown_count"] = navigation.shown_count
        self.env.filters["text"] = text
        self.env.filters["on_gateway"] = lambda url: on_gateway(url, api_url)

    def _gettext(self, message: str) -> str:
        return str(self.translations[_language.get()].ugettext(message))

    def _ngettext(self, singular: str, plural: str, n: int) -> str:
        return str(self.translations[_language.get()].ungettext(singular, plural, n))

    def gettext(self, language: str, message: str) -> str:
        """`message` translated into `language` (for text built outside templates)."""
        return str(self.translations[language].ugettext(message))

    def page(
        self, request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> HTMLResponse:
        """The template `name` rendered for `request`, in `request.state.language`."""
        language: str = getattr(request.state, "language", i18n.DEFAULT)
        token = _language.set(language)
        try:
            html = self.env.get_template(name).render(
                request=request,
                language=language,
                path=request.url.path,
                **context,
            )
        finally:
            _language.reset(token)
        return HTMLResponse(html, status_code=status)
