"""Every route's endpoint and dependencies are `async def`: FastAPI hands a plain `def` to its
thread pool, one thread switch each per request (a few percent of a read's time, measured)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from gateway.app import create_app as create_gateway
from gateway.settings import GatewaySettings
from kit.auth import TokenSigner, generate_private_key
from kit.settings import MachiSettings
from machi_cli.openapi import OFFLINE_DATABASE, offline_runtime
from machi_cli.services import SERVICES
from web.app import create_app as create_web
from web.settings import WebSettings


def runs_on_the_loop(call: Any) -> bool:
    if inspect.isclass(call):  # a model or class built per request: its __init__ is sync
        return False
    target = call if inspect.isfunction(call) or inspect.ismethod(call) else call.__call__
    return inspect.iscoroutinefunction(target) or inspect.isasyncgenfunction(target)


def calls(dependant: Dependant) -> Iterator[Any]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from calls(dependency)


def threaded(app: FastAPI) -> list[str]:
    """`[methods] path: name` of each endpoint or dependency of `app` that is a plain `def`
    (the dependencies of the routers' inclusions with them)."""
    found = []
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute):
            continue
        dependant = getattr(route, "dependant", None) or route.original_route.dependant
        for call in [route.original_route.endpoint, *calls(dependant)]:
            if not runs_on_the_loop(call):
                name = getattr(call, "__qualname__", repr(call))
                found.append(f"{sorted(route.methods or ())} {route.path}: {name}")
    return sorted(set(found))


def apps() -> dict[str, FastAPI]:
    settings = MachiSettings(database_url=OFFLINE_DATABASE)
    built = {
        name: spec.create_app(offline_runtime(name, settings)) for name, spec in SERVICES.items()
    }
    signer = TokenSigner(generate_private_key(), issuer=settings.internal_token_issuer)
    runtime = offline_runtime("gateway", settings)
    built["gateway"] = create_gateway(runtime, GatewaySettings(), signer, {})
    built["web"] = create_web(WebSettings(_env_file=None))
    return built


def test_no_route_of_any_app_runs_a_plain_def_in_the_thread_pool() -> None:
    found = {name: threaded(app) for name, app in apps().items()}
    assert found == {name: [] for name in found}
