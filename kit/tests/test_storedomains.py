import pytest

from kit.storedomains import host_matches, store_domain


@pytest.mark.parametrize(
    "value",
    ["com", "co.jp", "myshopify.com", "github.io", "127.0.0.1", "localhost", "::1", "a b.jp", ""],
)
def test_public_suffixes_ips_and_non_hosts_are_not_store_domains(value: str) -> None:
    with pytest.raises(ValueError, match=r"not a host name|public suffix"):
        store_domain(value)


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("Store.Shopping.Yahoo.co.jp.", "store.shopping.yahoo.co.jp"),
        ("takeo.myshopify.com", "takeo.myshopify.com"),
        ("shop.town.lan", "shop.town.lan"),  # an intranet name below a private top label
        ("武雄.jp", "xn--5lw283g.jp"),
    ],
)
def test_store_domains_are_stored_lowercase_ascii(value: str, stored: str) -> None:
    assert store_domain(value) == stored


@pytest.mark.parametrize(
    ("host", "matches"),
    [
        ("example.jp", True),
        ("shop.example.jp", True),
        ("SHOP.EXAMPLE.JP.", True),
        ("badexample.jp", False),
        ("example.jp.evil.com", False),
        ("evil.com", False),
    ],
)
def test_hosts_match_on_whole_labels(host: str, matches: bool) -> None:
    assert host_matches(host, ["example.jp", "com"]) is matches
