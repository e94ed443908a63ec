"""Process roles (Loki's `-target`): `api`, `relay`, `worker` per service, `gateway`, or `all`.

A service lists its roles; the runner starts the union of the selected ones in one event loop,
consumers before relays so the in-memory bus has its queues before the first publish.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from kit.events import consumer
from kit.events.consumer import Subscription
from kit.events.relay import Relay
from kit.jobs import Job, run_all
from kit.runtime import ServiceRuntime

ORDER = {"worker": 0, "relay": 1, "api": 2}


@dataclass(frozen=True)
class Role:
    """One long-running part of a service."""

    service: str
    kind: str  # "api", "relay" or "worker"
    run: Callable[[], Awaitable[None]]

    @property
    def name(self) -> str:
        return f"{self.service}-{self.kind}"


def select(available: list[str], target: str) -> list[str]:
    """Role names chosen by a target: `all`, exact role names (`catalog-api,gateway`), or a
    service name standing for all its roles (`catalog`) when no role has that exact name."""
    wanted = {t.strip() for t in target.split(",") if t.strip()}
    if "all" in wanted:
        return list(available)
    services = {name.split("-")[0] for name in available}
    unknown = wanted - set(available) - services
    if unknown:
        raise ValueError(f"unknown target(s): {', '.join(sorted(unknown))}")
    whole = {w for w in wanted if w not in available}
    return [n for n in available if n in wanted or n.split("-")[0] in whole]


def event_roles(
    runtime: ServiceRuntime,
    subscriptions: list[Subscription[Any]],
    jobs: list[Job] | None = None,
) -> list[Role]:
    """A service's `relay` role and, when it consumes events or has jobs, its `worker` role."""
    bus = runtime.bus
    if bus is None:
        raise RuntimeError(f"{runtime.service} needs a bus for its relay and worker roles")
    settings = runtime.settings
    relay = Relay(
        runtime.db,
        bus,
        service=runtime.service,
        batch_size=settings.relay_batch_size,
        poll_seconds=settings.relay_poll_seconds,
    )
    roles = [Role(runtime.service, "relay", relay.run)]
    if subscriptions or jobs:

        async def work() -> None:
            await consumer.start(subscriptions, runtime.db, bus)
            # Consumers run on the bus until cancelled; this task samples their queue depths.
            depths = consumer.watch_queue_depths(bus, [s.consumer for s in subscriptions])
            if jobs:
                await asyncio.gather(run_all(runtime.jobs_db, runtime.service, jobs), depths)
            else:
                await depths

        roles.append(Role(runtime.service, "worker", work))
    return roles
