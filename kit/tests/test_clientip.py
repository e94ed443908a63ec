import pytest

from kit.clientip import networks, resolve

PROXIES = networks(("10.0.0.0/8", "127.0.0.1"))


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "client"),
    [
        ("198.51.100.9", "203.0.113.7", "198.51.100.9"),  # not a proxy: its header is ignored
        ("10.1.2.3", "203.0.113.7", "203.0.113.7"),
        ("10.1.2.3", "1.2.3.4, 203.0.113.7, 10.9.9.9", "203.0.113.7"),  # 1.2.3.4 was made up
        ("10.1.2.3", None, "10.1.2.3"),
        ("127.0.0.1", "10.0.0.5", "10.0.0.5"),  # every hop a proxy: the origin
        ("10.1.2.3", "not-an-ip, 203.0.113.7", "203.0.113.7"),
        (None, None, "unknown"),
    ],
)
def test_forwarded_headers_count_only_from_trusted_proxies(
    peer: str | None, forwarded_for: str | None, client: str
) -> None:
    assert resolve(peer, forwarded_for, PROXIES) == client


def test_a_bad_entry_is_refused() -> None:
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6"):
        networks(("10.0.0.0/8", "proxy.example"))
