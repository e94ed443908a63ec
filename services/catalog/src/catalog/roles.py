"""The catalog's process roles: `api`, `relay` (it consumes nothing yet, so no `worker`)."""

from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    return event_roles(runtime, [])
