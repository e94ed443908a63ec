"""The services that seal secrets, and where `machi run` gets their `*_SECRET_KEYS`.

The all-in-one (`--target=all`, what `make run` starts) fills every unset `*_SECRET_KEYS` with a
development key kept in `var/secret-keys.env` (made on first start, mode 0600, reused after), as
the gateway keeps its signing key in `var/`. A process running only some roles is a deployment:
a role that seals secrets refuses to start without its keys.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData

import analytics.models
import catalog.models
import gateway.models
import gateway.webhooks.models
import publisher.models
from analytics.settings import AnalyticsSettings
from catalog.settings import CatalogSettings
from gateway.settings import GatewayKeys
from kit.secrets import (
    KEYS_FORMAT,
    SealingSettings,
    keys_variable,
    load_or_create_keys,
    parse_keys,
)
from publisher.settings import PublisherSettings
from web.settings import WebSettings

log = logging.getLogger("machi")
DEV_KEYS = Path("var/secret-keys.env")


@dataclass(frozen=True)
class SealedService:
    """A service that seals secrets: its models' sealed columns (none: it seals only what it
    hands out, as the web role's session cookie), its settings, and the roles that seal."""

    name: str
    metadata: MetaData | None
    settings: type[SealingSettings]
    roles: tuple[str, ...]

    @property
    def variable(self) -> str:
        return keys_variable(self.settings)

    def keys(self) -> list[str]:
        """The configured keys, newest first (none: unset)."""
        return parse_keys(self.settings().secret_keys.get_secret_value(), self.variable)


SEALED_SERVICES = [
    SealedService(
        "catalog",
        catalog.models.Base.metadata,
        CatalogSettings,
        ("catalog-api", "catalog-worker"),  # storefront credentials; the store sync
    ),
    SealedService(
        "publisher",
        publisher.models.Base.metadata,
        PublisherSettings,
        ("publisher-api", "publisher-worker"),  # channel tokens; dispatch, refresh, insights
    ),
    SealedService(
        "analytics",
        analytics.models.Base.metadata,
        AnalyticsSettings,
        ("analytics-api",),  # store webhook secrets, set and checked by the API
    ),
    SealedService(
        "gateway",
        gateway.models.Base.metadata,
        GatewayKeys,
        ("gateway", "gateway-relay"),  # webhook and TOTP secrets; the sender signs with them
    ),
    SealedService("web", None, WebSettings, ("web",)),  # the session cookie: nothing stored
]


def provide_keys(roles: Iterable[str], *, all_in_one: bool, dev_keys: Path = DEV_KEYS) -> None:
    """Make sure every selected role that seals secrets has its keys, or refuse to start
    (SystemExit: a message naming the variable, exit status 1)."""
    selected = set(roles)
    needed = [s for s in SEALED_SERVICES if selected & set(s.roles)]
    try:
        unset = [s.variable for s in needed if not s.keys()]
    except ValueError as exc:  # a malformed key: its message names the variable, not the key
        raise SystemExit(f"cannot start: {exc}") from None
    if not unset:
        return
    if not all_in_one:
        raise SystemExit(_refusal(unset, selected))
    log.warning(
        "%s not set: using development keys from %s (not for production)",
        ", ".join(unset),
        dev_keys,
    )
    os.environ.update(load_or_create_keys(dev_keys, unset))


def _refusal(unset: list[str], roles: set[str]) -> str:
    return (
        f"cannot start {', '.join(sorted(roles))}: {', '.join(unset)} "
        f"{'is' if len(unset) == 1 else 'are'} not set, and outside the all-in-one"
        " (--target=all) a role that encrypts secrets at rest needs real keys. Set"
        f" {'it' if len(unset) == 1 else 'each'} to {KEYS_FORMAT}; `machi keys new` prints"
        " one. Every process of a service needs the same keys."
    )
