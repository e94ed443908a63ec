"""The table of Machi's services: how to build each one's app and background roles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI

import analytics.app
import analytics.handlers
import analytics.roles
import catalog.app
import catalog.handlers
import catalog.roles
import gateway.webhooks.handlers
import publisher.app
import publisher.handlers
import publisher.roles
from kit.roles import Role
from kit.runtime import ServiceRuntime


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    create_app: Callable[[ServiceRuntime], FastAPI]
    background_roles: Callable[[ServiceRuntime], list[Role]]
    default_port: int


SERVICES = {
    spec.name: spec
    for spec in (
        ServiceSpec("catalog", catalog.app.create_app, catalog.roles.background_roles, 8001),
        ServiceSpec("publisher", publisher.app.create_app, publisher.roles.background_roles, 8002),
        ServiceSpec("analytics", analytics.app.create_app, analytics.roles.background_roles, 8003),
    )
}
DATABASES = [*SERVICES, "gateway"]
ROLE_NAMES = [f"{s}-{kind}" for s in SERVICES for kind in ("api", "relay", "worker")] + [
    "gateway",
    "gateway-relay",
    "web",  # the console and city page, a client of the gateway (web/)
]
WEB_DEFAULT_PORT = 8004


def consumers() -> dict[str, list[str]]:
    """Every event consumer of the platform and the event types it is bound to."""
    found: dict[str, list[str]] = {}
    for sub in [
        *catalog.handlers.SUBSCRIPTIONS,
        *publisher.handlers.SUBSCRIPTIONS,
        *analytics.handlers.SUBSCRIPTIONS,
        *gateway.webhooks.handlers.SUBSCRIPTIONS,
    ]:
        found.setdefault(sub.consumer, []).append(sub.event_type)
    return found
