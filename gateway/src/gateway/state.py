"""The gateway app's state: everything `create_app` makes once, in one typed object.

Routes and middleware read it through `get_state` (`StateDep` in `gateway.dependencies`) instead of
untyped `app.state` attributes. Only `app.state.runtime` stays where kit's shared mechanisms look
for it (client addresses, the outbound guard).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection

if TYPE_CHECKING:
    import httpx
    from starlette.applications import Starlette

    from gateway.authn import Authenticator
    from gateway.mail import Mailer
    from gateway.openapi import MergedOpenAPI
    from gateway.public.api import PublicState
    from gateway.ratelimit import Buckets
    from gateway.redirect.service import Edge
    from gateway.settings import GatewaySettings
    from gateway.upstream import ServiceCaller
    from gateway.usage.service import UsageMeter
    from kit.auth import TokenSigner
    from kit.db import Database
    from kit.runtime import ServiceRuntime
    from kit.secrets import Sealer


@dataclass(frozen=True)
class GatewayState:
    """What every request of one gateway app shares."""

    runtime: ServiceRuntime
    settings: GatewaySettings
    signer: TokenSigner
    upstreams: dict[str, httpx.AsyncClient]  # service name -> client whose base_url it is
    services: ServiceCaller
    buckets: Buckets
    usage: UsageMeter
    public: PublicState
    authenticator: Authenticator
    openapi: MergedOpenAPI
    sealer: Sealer  # GATEWAY_SECRET_KEYS: webhook and TOTP secrets
    mailer: Mailer
    edge: Edge  # `/r/{code}` answered here (gateway.redirect)

    @property
    def db(self) -> Database:
        return self.runtime.db


def state_of(app: Starlette) -> GatewayState:
    """The state `create_app` set on `app`."""
    state = getattr(app.state, "gateway", None)
    if not isinstance(state, GatewayState):
        raise RuntimeError("not a gateway app: create_app sets its state")
    return state


def get_state(connection: HTTPConnection) -> GatewayState:
    """The state of the app serving this request (a FastAPI dependency, `StateDep`)."""
    return state_of(connection.app)
