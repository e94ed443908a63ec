"""Store URLs may not aim the catalog at its own network (server-side request forgery).

A tenant admin types a store's base URL; the sync job then calls it from inside the platform.
Without a guard that URL could be `http://169.254.169.254/` (cloud metadata), `localhost`, or a
private address of the deployment. Checked twice, per OWASP's SSRF prevention cheat sheet
(https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html):
when a storefront is saved (only http(s); no host that is or resolves to a non-public address),
and on every connection the sync opens (`guarded_client`): the host is resolved once, checked,
and the connection goes to that checked address, so a DNS answer that changes between check
and use (rebinding) cannot slip through. TLS still verifies the name (SNI is the URL's host).
`CATALOG_STORE_ALLOW_PRIVATE_HOSTS=true` lifts the address rule (tests, on-premise stores).
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpcore
import httpx

from catalog.errors import UnsafeStoreUrl

SCHEMES = ("http", "https")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local such as
    the 169.254.169.254 metadata service, shared/CGNAT, reserved or multicast)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to now (an IP literal is its own answer)."""
    literal = _literal(host)
    if literal is not None:
        return [literal]
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def _refuse_private(host: str, addresses: Iterable[IPAddress]) -> None:
    blocked = sorted({str(a) for a in addresses if not is_public(a)})
    if blocked:
        raise UnsafeStoreUrl(
            f"{host!r} is or resolves to a non-public address ({', '.join(blocked)}); stores"
            " must be on the public internet (CATALOG_STORE_ALLOW_PRIVATE_HOSTS lifts this)"
        )


async def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse a store URL (or item URL template) that is not http(s) or aims inside."""
    parts = urlsplit(PLACEHOLDER.sub("x", url.strip()))
    if parts.scheme.lower() not in SCHEMES:
        raise UnsafeStoreUrl(f"store URLs must be http or https, not {parts.scheme or 'none'!r}")
    host = parts.hostname
    if not host:
        raise UnsafeStoreUrl("the store URL has no host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeStoreUrl("put store credentials in `credentials`, not in the URL")
    if allow_private:
        return
    if host == "localhost" or host.endswith(".localhost"):  # RFC 6761 section 6.3
        raise UnsafeStoreUrl(f"{host!r} is this machine")
    try:
        addresses = await resolve(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError):
        return  # not resolvable now: nothing to reach; each sync connection is checked again
    _refuse_private(host, addresses)


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to public addresses, and to the very address it checked."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host!r}: {exc}") from exc
        _refuse_private(host, addresses)
        return await self._inner.connect_tcp(
            str(addresses[0]), port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise UnsafeStoreUrl("stores are reached over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        # httpx takes no network backend argument: give its pool one (same pool, guarded).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_GuardedBackend()
        )


def guarded_client(*, timeout: float, allow_private: bool) -> httpx.AsyncClient:
    """The HTTP client of store calls: every connection checked, unless private hosts are
    allowed. Redirects are not followed (httpx's default), so a store cannot bounce it."""
    if allow_private:
        return httpx.AsyncClient(timeout=timeout)
    return httpx.AsyncClient(timeout=timeout, transport=_GuardedTransport())
