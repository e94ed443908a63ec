"""The publisher's process roles: `api`, `relay`, `worker` (its event consumers)."""

from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime
from publisher.handlers import SUBSCRIPTIONS


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    return event_roles(runtime, SUBSCRIPTIONS)
