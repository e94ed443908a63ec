"""Requests to URLs that users supply, guarded against server-side request forgery (SSRF).

A town admin types a store's API URL, a Mastodon instance, later a webhook endpoint; the platform
then calls it from inside its own network. Without a guard such a URL reaches the cloud metadata
service (`169.254.169.254`), `localhost`, a database port or any private address of the
deployment, and the answer comes back to the caller. Per OWASP's SSRF prevention cheat sheet
(https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
every such URL is checked twice:

- `check_url` when it is saved or first used: http(s) only, no credentials in it, and a host
  that is not (and does not resolve to) a refused address: answers `UrlRefused` (400 problem).
- `client()` on every connection: the host is resolved once, every answer checked, and the TCP
  connection goes to that very address, so a DNS answer that changes between check and connect
  (rebinding) cannot slip through. TLS still verifies the name (SNI is the URL's host). Redirects
  are not followed, environment proxies are ignored, and a response body larger than
  `max_response_bytes` is cut off with `ResponseTooLarge`.

`OUTBOUND_ALLOW_PRIVATE=true` (development, tests with loopback fakes) lifts the rule for
loopback, private, link-local and shared addresses; `OUTBOUND_ALLOW_HOSTS` lifts it for the hosts
it names only (`host` or `host:port`: an intranet store, one fake server). Cloud metadata
addresses, unspecified, multicast, reserved and IPv4-translating addresses stay refused whatever
the settings.

Addresses of operator-configured platforms (`PUBLISHER_*_URL`) are not user input and do not go
through here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpcore
import httpx
from fastapi import Depends, Request

from kit.errors import InvalidInput
from kit.settings import MachiSettings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]

SCHEMES = ("http", "https")
DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024
# Instance metadata services: AWS (IPv4, IPv6, ECS task role), GCP and Azure share the first,
# Alibaba Cloud. Never a legitimate target, so refused even when private addresses are allowed.
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "fd00:ec2::254", "169.254.170.2", "100.100.100.200")
)
# Prefixes that carry an IPv4 address inside IPv6 and can lead a connection to any IPv4 host,
# private ones included, through a translator or relay: refused outright.
TRANSLATED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "64:ff9b::/96",  # NAT64 well-known prefix (RFC 6052)
        "64:ff9b:1::/48",  # NAT64 local-use prefix (RFC 8215)
        "2002::/16",  # 6to4 (RFC 3056)
        "2001::/32",  # Teredo (RFC 4380)
        "::/96",  # IPv4-compatible IPv6, deprecated (RFC 4291 section 2.5.5.1)
        "192.88.99.0/24",  # 6to4 relay anycast, deprecated (RFC 7526)
    )
)
SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
# What OUTBOUND_ALLOW_PRIVATE lifts.
PRIVATE_KINDS = frozenset({"loopback", "private", "link-local", "shared"})


class UrlRefused(InvalidInput):
    """A user-supplied URL the platform will not call."""

    type = "url-refused"
    title = "URL refused: only http(s) URLs of public internet hosts are called"


class ResponseTooLarge(httpx.ReadError):
    """A response body passed the guard's size cap; the rest was not read."""


def refusal(address: IPAddress) -> str | None:
    """Which kind of refused address `address` is (`loopback`, `metadata`, `NAT64/6to4` ...),
    or None for a globally routable unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in METADATA:
        return "metadata"
    if address.is_unspecified:
        return "unspecified"
    if address.is_multicast:
        return "multicast"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if any(address in network for network in TRANSLATED):
        return "translated"
    if address in SHARED:
        return "shared"
    if address.is_private:
        return "private"
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address."""
    return refusal(address) is None


async def system_resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to now, through the system's resolver."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


@dataclass(frozen=True)
class OutboundPolicy:
    """What user-supplied URLs may reach; `resolver` is replaceable for tests."""

    allow_private: bool = False
    # Hosts (`name`, or `name:port` for that port only) whose private addresses are allowed.
    allowed_hosts: frozenset[str] = frozenset()
    resolver: Resolver = field(default=system_resolve)
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @classmethod
    def from_settings(cls, settings: MachiSettings) -> OutboundPolicy:
        """The policy `OUTBOUND_ALLOW_PRIVATE` and `OUTBOUND_ALLOW_HOSTS` set."""
        return cls(
            allow_private=settings.outbound_allow_private,
            allowed_hosts=frozenset(h.strip().lower() for h in settings.outbound_allow_hosts),
        )

    def allows(self, address: IPAddress, *, private: bool | None = None) -> bool:
        """Whether a connection may go to `address` (`private`: whether private addresses are
        allowed for this host; the policy's own switch when not said)."""
        kind = refusal(address)
        private_ok = self.allow_private if private is None else private
        return kind is None or (private_ok and kind in PRIVATE_KINDS)

    def _private_allowed(self, host: str, port: int) -> bool:
        if self.allow_private:
            return True
        name = host.rstrip(".").lower()
        return name in self.allowed_hosts or f"{name}:{port}" in self.allowed_hosts

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """Addresses of `host` (an IP literal is its own answer); OSError when none."""
        literal = _literal(host)
        if literal is not None:
            return [literal]
        addresses = await self.resolver(host, port)
        if not addresses:
            raise OSError(f"{host!r} has no address")
        return addresses

    async def checked(self, host: str, port: int) -> list[IPAddress]:
        """The addresses to connect to for `host`, each allowed, else `UrlRefused`."""
        private = self._private_allowed(host, port)
        if not private and _is_localhost(host):
            raise _refused(host)
        addresses = await self.resolve(host, port)
        if not all(self.allows(a, private=private) for a in addresses):
            raise _refused(host)
        return addresses


async def request_policy(request: Request) -> OutboundPolicy:
    """The app's policy: `app.state.outbound` when set (tests), else from the runtime's
    settings."""
    policy = getattr(request.app.state, "outbound", None)
    if not isinstance(policy, OutboundPolicy):
        policy = OutboundPolicy.from_settings(request.app.state.runtime.settings)
        request.app.state.outbound = policy
    return policy


OutboundDep = Annotated[OutboundPolicy, Depends(request_policy)]


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _is_localhost(host: str) -> bool:
    name = host.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")  # RFC 6761 section 6.3


def _refused(host: str) -> UrlRefused:
    # Neither the addresses nor why: the answer must not map the deployment's network, and a
    # name that resolves inside reads the same as a literal private address.
    return UrlRefused(
        f"{host!r} is not a public internet host; an intranet server is named in"
        " OUTBOUND_ALLOW_HOSTS"
    )


async def check_url(url: str, policy: OutboundPolicy) -> None:
    """Refuse `url` (`UrlRefused`) unless it is http(s), carries no credentials and its host is
    allowed by `policy`. A host that does not resolve now passes: it reaches nothing, and each
    connection `client()` opens is checked again."""
    try:
        parsed = httpx.URL(url.strip())
        host = parsed.host and parsed.raw_host.decode("ascii")  # `host` decodes IDNA: checks it
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:  # IDNAError is a UnicodeError
        raise UrlRefused("not a valid URL") from exc
    if parsed.scheme not in SCHEMES:
        raise UrlRefused(f"only http and https URLs are called, not {parsed.scheme or 'none'!r}")
    if not host:
        raise UrlRefused("the URL has no host")
    if parsed.userinfo:
        raise UrlRefused("credentials do not belong in the URL")
    try:
        await policy.checked(host, parsed.port or (443 if parsed.scheme == "https" else 80))
    except (OSError, UnicodeError):  # no address now
        return


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses the policy allows, and to the very address it checked."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self._policy = policy
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
            addresses = await self._policy.checked(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host!r}") from exc
        failure = httpcore.ConnectError(f"cannot connect to {host!r}")
        for address in addresses:  # the checked addresses in the resolver's order, no other
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise UrlRefused("user-supplied URLs are reached over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _CappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                raise ResponseTooLarge(f"the response passed {self._limit} bytes")
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport whose every connection goes through `policy` (resolved IP pinned),
    and whose response bodies stop at `policy.max_response_bytes`."""

    def __init__(self, policy: OutboundPolicy, *, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._policy = policy
        self._inner = httpx.AsyncHTTPTransport(trust_env=False, limits=limits)
        # httpx takes no network backend: give its pool one (same settings, guarded).
        self._inner._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # SSL_CERT_FILE/DIR still name the CAs
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(policy),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        limit = self._policy.max_response_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await response.aclose()
            raise ResponseTooLarge(f"the response declares {declared} bytes", request=request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_CappedStream(response.stream, limit),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


def client(
    policy: OutboundPolicy,
    *,
    timeout: float,
    limits: httpx.Limits | None = None,
    **kwargs: Any,
) -> httpx.AsyncClient:
    """An httpx client for user-supplied URLs: guarded connections, no redirects followed, no
    proxies from the environment, capped responses."""
    return httpx.AsyncClient(
        transport=GuardedTransport(policy, limits=limits),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        **kwargs,
    )
