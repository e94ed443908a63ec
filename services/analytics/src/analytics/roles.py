"""Analytics process roles: `api` (with its click flusher), `relay`, `worker` (its event
consumers and the rollup job)."""

from analytics.handlers import SUBSCRIPTIONS
from analytics.jobs import jobs
from analytics.settings import AnalyticsSettings
from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    return event_roles(runtime, SUBSCRIPTIONS, jobs(runtime, AnalyticsSettings()))
