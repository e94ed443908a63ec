"""The client's address behind proxies, decided in one place for every process.

`TRUSTED_PROXIES` lists the addresses or networks whose `X-Forwarded-For` is believed: the load
balancer or ingress in front of the gateway, and the gateway in front of the services. The
address is found by walking from the TCP peer leftwards through `X-Forwarded-For`, skipping
trusted proxies; the first address that is not one is the client. A header sent by anyone else
is ignored, so a client cannot choose its own address (rate limits, visitor counts).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from starlette.requests import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
UNKNOWN = "unknown"


@lru_cache(maxsize=8)
def networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """`entries` (addresses or CIDR networks) parsed; ValueError names a bad one."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _trusted(address: str, trusted: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def resolve(peer: str | None, forwarded_for: str | None, trusted: tuple[Network, ...]) -> str:
    """The client: the right-most address of `forwarded_for` + `peer` that is not trusted."""
    chain = [a.strip() for a in (forwarded_for or "").split(",") if a.strip()]
    chain.append(peer or UNKNOWN)
    for address in reversed(chain):
        if not _trusted(address, trusted):
            return address
    return chain[0]  # every hop is a trusted proxy: the left-most is the origin


def client_ip(request: Request) -> str:
    """The client of `request`, under the process's `TRUSTED_PROXIES`."""
    entries: list[str] = request.app.state.runtime.settings.trusted_proxies
    peer = request.client.host if request.client else None
    return resolve(peer, request.headers.get("x-forwarded-for"), networks(tuple(entries)))
