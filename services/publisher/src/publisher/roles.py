"""The publisher's process roles: `api`, `relay`, `worker` (consumers and scheduled jobs)."""

from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime
from publisher.handlers import SUBSCRIPTIONS
from publisher.jobs import jobs
from publisher.settings import PublisherSettings


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    return event_roles(runtime, SUBSCRIPTIONS, jobs(runtime, PublisherSettings()))
