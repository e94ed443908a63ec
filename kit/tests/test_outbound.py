"""The outbound URL guard: which addresses it refuses, what `check_url` says, and that its client
never connects where it should not (a canary on loopback counts connections)."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse, RedirectResponse, StreamingResponse

from kit.outbound import (
    IPAddress,
    OutboundPolicy,
    ResponseTooLarge,
    UrlRefused,
    check_url,
    client,
    refusal,
)
from kit.testing.canary import SECRET, Canary, canary
from kit.testing.fakes import serve

PUBLIC = ipaddress.ip_address("93.184.215.14")


@pytest.fixture
async def trap() -> AsyncIterator[Canary]:
    async with canary() as found:
        yield found


def resolving(names: dict[str, list[str]]) -> OutboundPolicy:
    """The default policy with a resolver that knows only `names` (others do not resolve)."""

    async def resolve(host: str, port: int) -> list[IPAddress]:
        if host not in names:
            raise OSError(f"unknown host {host}")
        return [ipaddress.ip_address(a) for a in names[host]]

    return OutboundPolicy(resolver=resolve)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.215.14", None),
        ("1.1.1.1", None),
        ("2606:4700::1111", None),
        ("::ffff:93.184.215.14", None),  # IPv4-mapped public address
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped forms are judged as their IPv4
        ("::ffff:7f00:1", "loopback"),
        ("10.0.0.7", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.10", "private"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:192.168.0.1", "private"),
        ("fd12:3456::1", "private"),  # unique local
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "shared"),  # carrier-grade NAT
        ("100.127.255.254", "shared"),
        ("169.254.169.254", "metadata"),
        ("::ffff:169.254.169.254", "metadata"),
        ("::ffff:a9fe:a9fe", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.170.2", "metadata"),
        ("100.100.100.200", "metadata"),
        ("64:ff9b::7f00:1", "translated"),  # NAT64 of 127.0.0.1
        ("64:ff9b::808:808", "translated"),  # NAT64 even of a public address
        ("64:ff9b:1::a00:1", "translated"),
        ("2002:7f00:1::", "translated"),  # 6to4 of 127.0.0.1
        ("2002:a00:1::1", "translated"),  # 6to4 of 10.0.0.1
        ("2001:0:4136:e378::1", "translated"),  # Teredo
        ("::7f00:1", "translated"),  # IPv4-compatible 127.0.0.1
        ("192.88.99.1", "translated"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "private"),
        ("255.255.255.255", "private"),
        ("192.0.2.1", "private"),  # documentation
        ("2001:db8::1", "private"),
    ],
)
def test_each_address_is_classified(address: str, kind: str | None) -> None:
    assert refusal(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("127.0.0.1", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.1", True),
        ("169.254.1.1", True),
        ("100.64.0.1", True),
        ("169.254.169.254", False),
        ("fd00:ec2::254", False),
        ("64:ff9b::7f00:1", False),
        ("2002:7f00:1::", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
    ],
)
def test_allowing_private_addresses_never_allows_metadata_or_translation(
    address: str, allowed: bool
) -> None:
    assert OutboundPolicy(allow_private=True).allows(ipaddress.ip_address(address)) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/metrics#",
        "http://127.0.0.1:5432/#",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:a9fe:a9fe::]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://0.0.0.0:8000/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://100.64.0.1/",
        "http://localhost:8000/",
        "http://LOCALHOST./",
        "http://api.localhost/",
        "http://inside.test/",  # resolves to 10.0.0.5
        "http://meta.test/",  # resolves to the metadata address
        "http://mixed.test/",  # one public, one private answer
        "ftp://93.184.215.14/",
        "file:///etc/passwd",
        "gopher://93.184.215.14/",
        "https://user:pw@93.184.215.14/",
        "http:///nohost",
        "https://xn--/",  # no valid IDNA label
    ],
)
async def test_check_url_refuses(url: str) -> None:
    policy = resolving(
        {
            "inside.test": ["10.0.0.5"],
            "meta.test": ["169.254.169.254"],
            "mixed.test": [str(PUBLIC), "127.0.0.1"],
        }
    )
    with pytest.raises(UrlRefused) as refused:
        await check_url(url, policy)
    assert "10.0.0.5" not in refused.value.detail  # never says where a name resolves


async def test_check_url_passes_public_and_unresolvable_hosts() -> None:
    policy = resolving({"shop.test": [str(PUBLIC)]})
    await check_url("https://shop.test/api", policy)
    await check_url("https://93.184.215.14/", policy)
    await check_url("https://not-resolvable.test/", policy)  # each connection is checked again


async def test_the_client_never_connects_to_a_refused_address(trap: Canary) -> None:
    policy = resolving({"inside.test": ["127.0.0.1"]})
    targets = [
        f"http://127.0.0.1:{trap.port}/",
        f"http://[::ffff:127.0.0.1]:{trap.port}/",
        f"http://0.0.0.0:{trap.port}/",
        f"http://localhost:{trap.port}/",
        f"http://inside.test:{trap.port}/",
    ]
    if trap.ipv6:
        targets.append(f"http://[::1]:{trap.port}/")
    async with client(policy, timeout=2) as http:
        for url in targets:
            with pytest.raises(UrlRefused):
                await http.get(url)
    assert trap.connections == 0


async def test_a_name_that_rebinds_inside_after_the_check_is_refused_at_connect(
    trap: Canary,
) -> None:
    answers = [[PUBLIC], [ipaddress.ip_address("127.0.0.1")]]

    async def rebinding(host: str, port: int) -> list[IPAddress]:
        return list(answers.pop(0) if len(answers) > 1 else answers[0])

    policy = OutboundPolicy(resolver=rebinding)
    url = f"http://rebind.test:{trap.port}/"
    await check_url(url, policy)  # first answer: public
    async with client(policy, timeout=2) as http:
        with pytest.raises(UrlRefused):
            await http.get(url)  # second answer: loopback
    assert trap.connections == 0


async def test_the_connection_goes_to_the_checked_address(trap: Canary) -> None:
    """The name is resolved once by the guard and the socket opened to that address (the
    system resolver does not know `pinned.test`)."""

    async def resolve(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address("127.0.0.1")]

    policy = OutboundPolicy(allow_private=True, resolver=resolve)
    async with client(policy, timeout=2) as http:
        response = await http.get(f"http://pinned.test:{trap.port}/")
    assert response.status_code == 500
    assert trap.connections == 1


def redirector(target: str) -> FastAPI:
    app = FastAPI()

    @app.get("/")
    async def bounce() -> RedirectResponse:
        return RedirectResponse(target, status_code=302)

    return app


async def test_redirects_are_not_followed(trap: Canary) -> None:
    policy = OutboundPolicy(allow_private=True)
    target = redirector(f"http://127.0.0.1:{trap.port}/")
    async with serve(target) as base_url, client(policy, timeout=2) as http:
        response = await http.get(f"{base_url}/")
    assert response.status_code == 302
    assert trap.connections == 0


async def test_environment_proxies_are_ignored(
    trap: Canary, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = FastAPI()

    @app.get("/")
    async def hello() -> PlainTextResponse:
        return PlainTextResponse("direct")

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{trap.port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    policy = OutboundPolicy(allow_private=True)
    async with serve(app) as base_url, client(policy, timeout=2) as http:
        response = await http.get(f"{base_url}/")
    assert response.text == "direct"
    assert trap.connections == 0


def big_app() -> FastAPI:
    app = FastAPI()

    @app.get("/declared")
    async def declared() -> PlainTextResponse:
        return PlainTextResponse("x" * 10_000)

    @app.get("/streamed")
    async def streamed() -> StreamingResponse:
        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(10):
                yield b"y" * 1000

        return StreamingResponse(chunks())

    return app


@pytest.mark.parametrize("path", ["/declared", "/streamed"])
async def test_responses_are_read_with_a_size_cap(path: str) -> None:
    policy = OutboundPolicy(allow_private=True, max_response_bytes=2_000)
    roomy = OutboundPolicy(allow_private=True, max_response_bytes=20_000)
    async with serve(big_app()) as base_url, client(policy, timeout=2) as http:
        with pytest.raises(ResponseTooLarge):
            await http.get(f"{base_url}{path}")
        async with client(roomy, timeout=2) as roomy_http:
            assert len((await roomy_http.get(f"{base_url}{path}")).content) == 10_000


async def test_the_canary_answers_its_secret_when_reached_unguarded(trap: Canary) -> None:
    """The canary itself works: a plain client reaches it and sees the secret."""
    async with httpx.AsyncClient(timeout=2, trust_env=False) as http:
        response = await http.get(f"http://127.0.0.1:{trap.port}/")
    assert SECRET in response.text
    assert trap.connections == 1


async def test_an_allowed_host_reaches_its_private_address_and_no_other(trap: Canary) -> None:
    """OUTBOUND_ALLOW_HOSTS names one intranet server (here the trap's port on loopback): it is
    reached, while the same address on another port, other private hosts and the metadata
    address stay refused."""
    policy = OutboundPolicy(allowed_hosts=frozenset({f"127.0.0.1:{trap.port}", "stock.intra"}))
    async with client(policy, timeout=2) as http:
        assert (await http.get(f"http://127.0.0.1:{trap.port}/")).status_code == 500
    assert trap.connections == 1
    for url in ("http://127.0.0.1:5432/", "http://10.0.0.5/", "http://169.254.169.254/"):
        with pytest.raises(UrlRefused):
            await check_url(url, policy)
    named = OutboundPolicy(
        allowed_hosts=frozenset({"stock.intra"}),
        resolver=lambda host, port: _intranet(),
    )
    await check_url("https://stock.intra/api", named)  # any port of a host named alone
    with pytest.raises(UrlRefused):
        await check_url("https://other.intra/api", named)


async def _intranet() -> list[IPAddress]:
    return [ipaddress.ip_address("10.1.2.3")]
