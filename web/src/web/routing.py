"""Which paths the web role answers when it shares a port with the gateway (the all-in-one):
`/`, `/console...`, `/static/...` and `/{town}/shop...`; everything else is the gateway's."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send

SHOP = re.compile(r"^/[a-z0-9]+(?:-[a-z0-9]+)*/shop(?:/[^/]+)?/?$")


def is_page(path: str) -> bool:
    """Whether `path` is one of the web role's pages or assets."""
    return (
        path == "/"
        or path == "/console"
        or path.startswith(("/console/", "/static/"))
        or SHOP.match(path) is not None
    )


class FrontDoor:
    """One ASGI app in front of two: the web role's paths to `web`, the rest (and the lifespan)
    to `gateway`."""

    def __init__(self, gateway: ASGIApp, web: ASGIApp) -> None:
        self.gateway = gateway
        self.web = web

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and is_page(scope.get("path", "")):
            await self.web(scope, receive, send)
            return
        await self.gateway(scope, receive, send)
