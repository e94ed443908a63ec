"""The addresses the all-in-one gives out follow its port.

Links in mails, tracked links (`/r/{code}`), media URLs, OAuth callbacks and problem types all
name the platform's public origin, which defaults to http://localhost:8000. `make run PORT=9000`
would otherwise hand out addresses of port 8000. Only what the operator has not set (in the
environment or `.env`) follows; a deployment behind a proxy sets its real origin.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

from pydantic_settings import BaseSettings

from analytics.settings import AnalyticsSettings
from catalog.settings import CatalogSettings
from gateway.settings import GatewaySettings
from kit.settings import MachiSettings
from publisher.settings import PublisherSettings

# (settings class, its field, the variable that sets it, the address under the origin)
PUBLIC_ADDRESSES: list[tuple[type[BaseSettings], str, str, str]] = [
    (MachiSettings, "problems_url", "PROBLEMS_URL", "/problems"),
    (GatewaySettings, "gateway_public_url", "GATEWAY_PUBLIC_URL", ""),
    (GatewaySettings, "gateway_console_url", "GATEWAY_CONSOLE_URL", "/console"),
    (AnalyticsSettings, "public_base_url", "ANALYTICS_PUBLIC_BASE_URL", ""),
    (CatalogSettings, "public_base_url", "CATALOG_PUBLIC_BASE_URL", ""),
    (PublisherSettings, "public_base_url", "PUBLISHER_PUBLIC_BASE_URL", ""),
    (
        PublisherSettings,
        "oauth_redirect_base",
        "PUBLISHER_OAUTH_REDIRECT_BASE",
        "/console/channels/oauth",
    ),
]


def follow_port(port: int, environ: MutableMapping[str, str] = os.environ) -> dict[str, str]:
    """Point every public address the operator left unset at http://localhost:`port`; returns
    what it set."""
    origin = f"http://localhost:{port}"
    chosen: dict[str, str] = {}
    for settings_class, field, variable, path in PUBLIC_ADDRESSES:
        if field in settings_class().model_fields_set:  # set in the environment or .env
            continue
        chosen[variable] = environ[variable] = f"{origin}{path}"
    return chosen
