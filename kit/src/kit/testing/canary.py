"""A canary HTTP server on loopback for SSRF tests: it counts every TCP connection it accepts
and answers any request with a body no caller may ever show (`SECRET`).

Tests aim user-supplied URLs at it (literally, by name, or through a redirect) and assert the
guard kept every connection away: `connections == 0`.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import AsyncIterator

from kit import outbound
from kit.outbound import IPAddress

SECRET = "canary-internal-secret-3f9a"
BODY = f'{{"error": "{SECRET}", "message": "{SECRET}", "detail": "{SECRET}"}}'.encode()


class Canary:
    """The running server: its port and how many connections it has accepted."""

    def __init__(self) -> None:
        self.connections = 0
        self.port = 0
        self.ipv6 = False

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        with contextlib.suppress(Exception):
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 2)
            head = (
                "HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n"
                f"content-length: {len(BODY)}\r\nconnection: close\r\n\r\n"
            )
            writer.write(head.encode() + BODY)
            await writer.drain()
        writer.close()


@contextlib.asynccontextmanager
async def canary() -> AsyncIterator[Canary]:
    """A canary listening on 127.0.0.1 (and ::1 on the same port where the host has IPv6)."""
    found = Canary()
    servers = [await asyncio.start_server(found._answer, "127.0.0.1", 0)]
    found.port = servers[0].sockets[0].getsockname()[1]
    if socket.has_ipv6:
        with contextlib.suppress(OSError):
            servers.append(await asyncio.start_server(found._answer, "::1", found.port))
            found.ipv6 = True
    try:
        yield found
    finally:
        for server in servers:
            server.close()
            await server.wait_closed()


# Host names an SSRF test aims at, each resolving inside: loopback (where the canary listens),
# private, link-local metadata, and IPv6 forms that translate to an inside IPv4 address.
INSIDE_NAMES: dict[str, list[str]] = {
    "inside.test": ["127.0.0.1"],
    "private.test": ["10.0.0.5"],
    "home.test": ["192.168.1.10"],
    "meta.test": ["169.254.169.254"],
    "nat64.test": ["64:ff9b::7f00:1"],
    "sixtofour.test": ["2002:7f00:1::"],
}


async def resolve_inside(host: str, port: int) -> list[IPAddress]:
    """A resolver for `OutboundPolicy`: `INSIDE_NAMES`, the system's for the rest (`localhost`)."""
    if host in INSIDE_NAMES:
        return [ipaddress.ip_address(a) for a in INSIDE_NAMES[host]]
    return await outbound.system_resolve(host, port)
