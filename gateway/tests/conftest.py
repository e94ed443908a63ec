"""Fixtures of the gateway tests (defined in `support`, beside the helpers the tests import)."""

from .support import (
    gateway_settings,
    gateway_with,
    http,
    operator_email,
    public_http,
    runtime,
    services,
    standins,
    town,
)

__all__ = [
    "gateway_settings",
    "gateway_with",
    "http",
    "operator_email",
    "public_http",
    "runtime",
    "services",
    "standins",
    "town",
]
