"""The routing table: which service answers which public path prefix.

A prefix matches its exact path and everything below it (`/v1/products`, `/v1/products/42`),
never a longer name (`/v1/productsx`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ALL_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
USER = "user"  # a logged-in user or an API key; the token carries who they are
ANONYMOUS = "anonymous"  # no login; the token says "anonymous" and carries no tenant
TOWN = "town"  # no login; the token says "anonymous" and carries the `{town}`'s tenant
EDGE = "edge"  # no login, never forwarded: the gateway answers it (documented by the service)


@dataclass(frozen=True)
class Route:
    """`prefix` goes to `upstream`; `template`, when set, is the only path served under it."""

    prefix: str
    upstream: str
    access: str = USER
    methods: tuple[str, ...] = ALL_METHODS
    template: str | None = None

    def matches(self, path: str) -> bool:
        below = path.startswith(self.prefix + "/")
        if self.template is not None:  # the template's segments: its literals, anything for `{}`
            return below and _fits(self.template.split("/"), path.split("/"))
        return path == self.prefix or below


def _fits(template: list[str], path: list[str]) -> bool:
    return len(template) == len(path) and all(
        t.startswith("{") or t == p for t, p in zip(template, path, strict=True)
    )


ROUTES = [
    Route("/v1/producers", "catalog"),
    Route("/v1/products", "catalog"),
    Route("/v1/places", "catalog"),
    Route("/v1/categories", "catalog"),
    # Public, no login: image renditions the public pages and social platforms load by URL
    # (`catalog.media.urls`). Listed before its prefix, which stays for logged-in callers.
    Route(
        "/v1/media",
        "catalog",
        access=ANONYMOUS,
        methods=("GET", "HEAD"),
        template="/v1/media/{media_id}/{rendition}",
    ),
    Route("/v1/media", "catalog"),
    Route("/v1/storefronts", "catalog"),
    Route("/v1/listings", "catalog"),
    Route("/v1/imports", "catalog"),
    Route("/v1/channels", "publisher"),
    Route("/v1/posts", "publisher"),
    Route("/v1/deliveries", "publisher"),
    Route("/v1/campaigns", "publisher"),
    Route("/v1/slots", "publisher"),
    Route("/v1/templates", "publisher"),
    Route("/v1/channel-plans", "publisher"),
    Route("/v1/conversations", "publisher"),
    Route("/v1/settings/inbox", "publisher"),
    Route("/v1/links", "analytics"),
    Route("/v1/reports", "analytics"),
    Route("/v1/conversions", "analytics"),
    Route("/v1/insights", "analytics"),
    Route("/v1/settings/tracking", "analytics"),
    Route("/v1/settings/webhooks", "analytics"),
    # Public, no login. Tracked redirects, answered by the gateway from its link directory
    # (gateway.redirect); analytics keeps the directory and records the clicks.
    Route("/r", "analytics", access=EDGE, methods=("GET", "HEAD"), template="/r/{code}"),
    # Store webhooks, signed by the store: the raw body is forwarded byte for byte.
    *(
        Route(
            "/webhooks",
            "analytics",
            access=TOWN,
            methods=("POST",),
            template=f"/webhooks/{{town}}/{kind}",
        )
        for kind in ("shopify", "woocommerce", "postback")
    ),
    # The citizen inbox's platform webhooks, signed by the platform (Meta also verifies the URL
    # with a GET handshake first).
    Route(
        "/webhooks",
        "publisher",
        access=TOWN,
        methods=("GET", "POST"),
        template="/webhooks/{town}/meta",
    ),
    Route(
        "/webhooks", "publisher", access=TOWN, methods=("POST",), template="/webhooks/{town}/line"
    ),
    # The deployment's own Meta app has one callback URL for every town: no town in the path,
    # the publisher finds each entry's town by its Page or Instagram account id.
    Route(
        "/webhooks",
        "publisher",
        access=ANONYMOUS,
        methods=("GET", "POST"),
        template="/webhooks/meta",
    ),
    Route(
        "/webhooks",
        "publisher",
        access=ANONYMOUS,
        methods=("GET", "POST"),
        template="/webhooks/threads",
    ),
]

UPSTREAMS = ("catalog", "publisher", "analytics")


def match(path: str, routes: Sequence[Route] = ROUTES) -> Route | None:
    """The route serving `path`, or None."""
    return next((route for route in routes if route.matches(path)), None)
