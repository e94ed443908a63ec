"""Analytics process roles: `api`, `relay`, `worker` (its event consumers)."""

from analytics.handlers import SUBSCRIPTIONS
from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    return event_roles(runtime, SUBSCRIPTIONS)
