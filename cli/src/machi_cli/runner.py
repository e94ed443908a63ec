"""`machi run`: start the selected roles (Loki's `-target`) in one event loop.

`--target=all` is the all-in-one platform: every service's api, relay and worker, and the gateway,
which reaches the in-process service apps through `httpx.ASGITransport`, with the same headers and
internal tokens as over the network. Any subset runs the same code as separate processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import socket
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any, Literal

import httpx
import uvicorn
from fastapi import FastAPI

import gateway.app
import gateway.roles
import web.app
from gateway.settings import GatewaySettings
from gateway.state import state_of
from kit import migrations
from kit import roles as kit_roles
from kit.auth import TokenSigner, TokenVerifier
from kit.events.bus import Bus, RetryPolicy
from kit.events.memory import MemoryBus
from kit.events.rabbitmq import RabbitBus
from kit.http import ReadinessCheck, add_ops_routes
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from machi_cli import embedded
from machi_cli.services import DATABASES, ROLE_NAMES, SERVICES, WEB_DEFAULT_PORT
from web.routing import FrontDoor
from web.settings import WebSettings

log = logging.getLogger("machi")
EMBEDDED_DATA = Path("var/pgdata")


def is_all_in_one(selected: Iterable[str]) -> bool:
    """Whether the selected roles are every role: the all-in-one platform (`--target=all`)."""
    return set(selected) == set(ROLE_NAMES)


async def _run(role: kit_roles.Role) -> None:
    await role.run()


async def _stop_when_orphaned(stop: Callable[[], None]) -> None:
    """A worker whose supervisor is gone (killed, so it passed no signal on) stops itself."""
    supervisor = os.getppid()
    while os.getppid() == supervisor:
        await asyncio.sleep(1)
    log.warning("the supervisor is gone: stopping")
    stop()


class _Server(uvicorn.Server):
    """A uvicorn server that leaves signals to the runner (several run in one loop). With
    `reuse_port` it listens on a socket of its own bound with `SO_REUSEPORT`: the workers of
    `machi run --workers N` each bind the same port, and the kernel spreads connections."""

    def __init__(self, config: uvicorn.Config, *, reuse_port: bool = False) -> None:
        super().__init__(config)
        self.reuse_port = reuse_port

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        if sockets is None and self.reuse_port:
            config = self.config
            sockets = [reuse_port_socket(config.host, config.port, config.backlog)]
        await super().serve(sockets)


def server_config(
    app: Any, host: str, port: int, lifespan: Literal["on", "off"], settings: MachiSettings
) -> uvicorn.Config:
    """How every `machi run` server listens."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        lifespan=lifespan,
        # Scheme and peer behind the same TRUSTED_PROXIES kit.clientip follows (the two
        # agree: resolving an address already resolved changes nothing).
        proxy_headers=True,
        forwarded_allow_ips=list(settings.trusted_proxies),
        # Idle connections outlive the clients' (uvicorn's own 5 s raced httpx's 5 s: under
        # `make load` the gateway got a few 502s from services closing as it sent).
        timeout_keep_alive=settings.http_keep_alive_seconds,
    )


def reuse_port_socket(host: str, port: int, backlog: int) -> socket.socket:
    """A listening TCP socket bound with `SO_REUSEPORT` (and `SO_REUSEADDR`, as uvicorn binds).

    Made with its protocol named: asyncio turns Nagle's algorithm off (`TCP_NODELAY`) only on
    connections whose socket says `IPPROTO_TCP`, and `socket.create_server` leaves it 0. With
    Nagle on, the body of an answer written after its head waited for the client's delayed
    ACK: 44 ms on every request of a kept-alive connection after the first."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        if family == socket.AF_INET6:
            listening.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        listening.bind((host, port))
        listening.listen(backlog)
    except OSError:
        listening.close()
        raise
    return listening


def freeze_start_up_objects() -> None:
    """Leave what start-up made (modules, apps, routes, models: about 400,000 objects for
    `--target=all`) out of every later garbage collection.

    They live as long as the process, yet each full collection walked them all: measured under
    `bench.redirect`, every one stopped the event loop for 220-250 ms, so the slowest 1 % of
    requests waited that long on an idle machine. Start-up garbage is collected first; what is
    frozen is never freed, which is what it would have been anyway.
    https://docs.python.org/3/library/gc.html#gc.freeze
    """
    gc.collect()
    gc.freeze()


def resolve_database(settings: MachiSettings) -> MachiSettings:
    """Settings with a database: `DATABASE_URL`, else the embedded server under ./var/."""
    if settings.database_url:
        return settings
    log.warning(
        "DATABASE_URL is not set: using embedded PostgreSQL in %s (not for production)",
        EMBEDDED_DATA,
    )
    return settings.model_copy(update={"database_url": embedded.start(EMBEDDED_DATA)})


async def migrate_all(settings: MachiSettings) -> None:
    for service in DATABASES:
        log.info("migrating %s", service)
        await migrations.upgrade(settings, service)


def make_bus(settings: MachiSettings) -> Bus:
    retry = RetryPolicy(settings.event_max_attempts, tuple(settings.event_retry_delays_ms))
    if settings.amqp_url:
        return RabbitBus(
            settings.amqp_url,
            prefix=settings.events_prefix,
            retry=retry,
            prefetch=settings.event_prefetch,
        )
    log.warning("AMQP_URL is not set: using the in-memory bus (all-in-one only)")
    return MemoryBus(retry)


@contextlib.asynccontextmanager
async def lifespan_of(app: FastAPI) -> AsyncIterator[None]:
    """Enter an app's lifespan ourselves: ASGITransport does not."""
    async with app.router.lifespan_context(app):
        yield


class Platform:
    """The resources and tasks of one `machi run` process."""

    def __init__(
        self,
        settings: MachiSettings,
        gateway_settings: GatewaySettings,
        target: str,
        *,
        worker: int | None = None,
    ):
        """`worker`: this process is that worker of a `machi run --workers N` supervisor."""
        self.settings = settings
        self.gateway_settings = gateway_settings
        self.selected = kit_roles.select(ROLE_NAMES, target)
        self.all_in_one = is_all_in_one(self.selected)
        self.servers: list[_Server] = []
        self.runtimes: list[ServiceRuntime] = []
        self.worker = worker

    def wants(self, role: str) -> bool:
        return role in self.selected

    async def run(self, host: str, port: int | None, *, migrate: bool, seed: bool) -> None:
        """Run until SIGINT/SIGTERM. `port`: the gateway's or the single API's (defaults 8000 and
        each service's own); a process with only relay/worker roles serves its ops endpoints
        (/healthz, /readyz, /metrics) there when given."""
        if migrate:
            await migrate_all(self.settings)
        bus = make_bus(self.settings)
        if (
            isinstance(bus, MemoryBus)
            and not self.all_in_one
            and any(r.endswith(("-relay", "-worker")) for r in self.selected)
        ):
            raise SystemExit("the in-memory bus only works with --target=all; set AMQP_URL")
        async with AsyncExitStack() as stack:
            await bus.connect()
            stack.push_async_callback(bus.close)
            signer = self._signer() if self.wants("gateway") else None
            apps = await self._service_apps(stack, bus, signer)
            background = self._background_roles(stack, bus, signer)
            serving = self._servers(apps, host, port)
            seeding = None
            if self.wants("gateway"):
                assert signer is not None
                gw_app = await self._gateway_app(stack, bus, signer, apps)
                gw_port = port or 8000
                front = self._web_beside(stack, gw_app) if self.wants("web") else gw_app
                gw_server = self._server(front, host, gw_port, lifespan="on")
                if seed and set(apps) == set(SERVICES):
                    await self._seed(gw_app)  # in-process services verify with the signer's keys
                elif seed:
                    # Services in other processes verify the gateway's tokens with the keys it
                    # serves at JWKS_URL: seed once it listens.
                    seeding = asyncio.create_task(self._seed_when_listening(gw_server, gw_app))
                serving.append(gw_server)
                shown = "localhost" if host in ("0.0.0.0", "127.0.0.1") else host
                log.info("gateway listening", extra={"url": f"http://{shown}:{gw_port}"})
            elif self.wants("web"):
                web_port = port or WEB_DEFAULT_PORT
                serving.append(self._server(self._web(stack, None), host, web_port, lifespan="off"))
                log.info("web listening", extra={"url": f"http://{host}:{web_port}/console/"})
            if not serving and port is not None:
                serving.append(self._server(self._ops_app(bus), host, port, lifespan="off"))
            freeze_start_up_objects()
            tasks: list[asyncio.Task[Any]] = [
                asyncio.create_task(_run(role), name=role.name) for role in background
            ]
            tasks += [asyncio.create_task(server.serve()) for server in serving]
            if seeding is not None:
                tasks.append(seeding)
            stop = self._install_signals(tasks)
            if self.worker is not None:
                tasks.append(asyncio.create_task(_stop_when_orphaned(stop), name="orphan-watch"))
            await self._wait(tasks)

    def _signer(self) -> TokenSigner:
        return gateway.app.load_signer(self.gateway_settings, self.settings)

    def _runtime(self, service: str, bus: Bus, signer: TokenSigner | None) -> ServiceRuntime:
        verifier = None
        if signer is not None:  # the gateway is in this process: no need to fetch its keys
            verifier = TokenVerifier(service, issuer=signer.issuer, jwks=signer.jwks())
        runtime = ServiceRuntime.create(service, self.settings, bus=bus, verifier=verifier)
        self.runtimes.append(runtime)
        return runtime

    def _ops_app(self, bus: Bus) -> FastAPI:
        """Health, readiness and metrics of a process that runs no API (relay, worker)."""
        app = FastAPI(title="Machi ops", docs_url=None, redoc_url=None, openapi_url=None)
        checks: dict[str, ReadinessCheck] = {"broker": bus.ping}
        for runtime in self.runtimes:
            checks[f"database:{runtime.service}"] = runtime.db.ping
        add_ops_routes(app, checks)
        return app

    async def _service_apps(
        self, stack: AsyncExitStack, bus: Bus, signer: TokenSigner | None
    ) -> dict[str, FastAPI]:
        apps = {}
        for name, spec in SERVICES.items():
            if self.wants(f"{name}-api"):
                runtime = self._runtime(name, bus, signer)
                stack.push_async_callback(runtime.close)
                apps[name] = spec.create_app(runtime)
                # Served in-process (ASGITransport) or by uvicorn with lifespan off: enter it here.
                await stack.enter_async_context(lifespan_of(apps[name]))
                if signer is None:
                    await runtime.verifier.refresh()
        return apps

    def _background_roles(
        self, stack: AsyncExitStack, bus: Bus, signer: TokenSigner | None
    ) -> list[kit_roles.Role]:
        chosen: list[kit_roles.Role] = []
        for name, spec in SERVICES.items():
            wanted = [k for k in ("relay", "worker") if self.wants(f"{name}-{k}")]
            if not wanted:
                continue
            runtime = self._runtime(name, bus, signer)
            stack.push_async_callback(runtime.close)
            chosen += [r for r in spec.background_roles(runtime) if r.kind in wanted]
        if self.wants("gateway-relay"):
            runtime = self._runtime("gateway", bus, signer)
            stack.push_async_callback(runtime.close)
            chosen += gateway.roles.background_roles(runtime)
        # Consumers first, so the in-memory bus has its queues before the first publish.
        return sorted(chosen, key=lambda r: kit_roles.ORDER[r.kind])

    def _servers(self, apps: dict[str, FastAPI], host: str, port: int | None) -> list[_Server]:
        if self.wants("gateway"):
            return []  # the gateway reaches the service apps in-process
        alone = len(apps) == 1
        return [
            self._server(
                app, host, (port if alone else None) or SERVICES[name].default_port, lifespan="off"
            )
            for name, app in apps.items()
        ]

    def _server(self, app: Any, host: str, port: int, *, lifespan: Literal["on", "off"]) -> _Server:
        config = server_config(app, host, port, lifespan, self.settings)
        server = _Server(config, reuse_port=self.worker is not None)
        self.servers.append(server)
        return server

    async def _gateway_app(
        self, stack: AsyncExitStack, bus: Bus, signer: TokenSigner, apps: dict[str, FastAPI]
    ) -> FastAPI:
        runtime = ServiceRuntime.create("gateway", self.settings, bus=bus)
        stack.push_async_callback(runtime.close)
        upstreams = gateway.app.remote_upstreams(self.gateway_settings)
        for name, app in apps.items():
            await upstreams[name].aclose()
            # raise_app_exceptions=False: a crashing service is a 502, as over the network.
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            upstreams[name] = httpx.AsyncClient(
                transport=transport, base_url=f"http://{name}", timeout=upstreams[name].timeout
            )
        for client in upstreams.values():
            stack.push_async_callback(client.aclose)
        return gateway.app.create_app(runtime, self.gateway_settings, signer, upstreams)

    def _web(self, stack: AsyncExitStack, transport: httpx.AsyncBaseTransport | None) -> FastAPI:
        """The web role: over HTTP to `WEB_GATEWAY_URL`, or through `transport`."""
        app = web.app.create_app(
            WebSettings(), transport, trusted_proxies=list(self.settings.trusted_proxies)
        )
        stack.push_async_callback(app.state.gateway.aclose)
        return app

    def _web_beside(self, stack: AsyncExitStack, gateway_app: FastAPI) -> FrontDoor:
        """The gateway and the web role on one port: pages to web, which reaches the gateway
        in-process with the same headers as over the network."""
        transport = httpx.ASGITransport(app=gateway_app, raise_app_exceptions=False)
        return FrontDoor(gateway_app, self._web(stack, transport))

    def _install_signals(self, tasks: list[asyncio.Task[Any]]) -> Callable[[], None]:
        loop = asyncio.get_running_loop()
        stopping = False

        def stop() -> None:
            # Once: a worker gets the terminal's SIGINT and its supervisor's SIGTERM, and a
            # second cancel would cut short the shutdown the first began.
            nonlocal stopping
            if stopping:
                return
            stopping = True
            log.info("stopping")
            for server in self.servers:
                server.should_exit = True
            for task in tasks:
                if not task.get_name().startswith("Task-"):  # background roles
                    task.cancel()

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop)
        return stop

    async def _seed(self, gateway_app: FastAPI) -> None:
        """Seed the demo town through the gateway, in-process, before anyone can log in."""
        from machi_cli import seed

        transport = httpx.ASGITransport(app=gateway_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
            await seed.seed_demo_town(self.settings, http, state_of(gateway_app).services)

    async def _seed_when_listening(self, server: _Server, gateway_app: FastAPI) -> None:
        """Seed the demo town once the gateway serves its keys and the services accept them."""
        while not server.started:
            await asyncio.sleep(0.1)
        await self._seed(gateway_app)

    async def _wait(self, tasks: list[asyncio.Task[Any]]) -> None:
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                if not task.cancelled() and task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
        finally:
            for server in self.servers:
                server.should_exit = True
            for task in tasks:
                if not task.done():
                    task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
