"""Store domains: the hosts a town's tracked links may lead to. One rule for the gateway's
tenants and analytics' links, because a domain that is too wide turns `/r/{code}` into an open
redirect.

A store domain is a host name (no IP literal, no `localhost`, no single label), never a bare
public suffix (`com`, `co.jp`, `myshopify.com`: ICANN and private sections of the Public Suffix
List bundled with `publicsuffixlist`, read offline), and a host matches it on whole labels only
(`store.example.jp` matches `example.jp`; `badexample.jp` does not). A development or intranet
store (an IP, `localhost`) is allowed only by the deployment's explicit setting
`ANALYTICS_EXTRA_STORE_HOSTS`, never through the API.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Annotated

from publicsuffixlist import PublicSuffixList
from pydantic import AfterValidator

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
# A top-level label is letters, or an IDN in punycode; all digits would be an IPv4 literal.
_TOP_LABEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # the snapshot shipped in the wheel; never fetched


def ascii_host(value: str) -> str | None:
    """`value` as a lowercase ASCII host name (IDNs in punycode), or None if it is not one."""
    host = value.strip().lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = host.split(".")
    if len(host) > 253 or len(labels) < 2 or not _TOP_LABEL.fullmatch(labels[-1]):
        return None
    return host if all(_LABEL.fullmatch(label) for label in labels) else None


def store_domain(value: str) -> str:
    """The stored form of a store domain, or ValueError naming what is wrong with it."""
    host = ascii_host(value)
    if host is None:
        raise ValueError(f"{value!r} is not a host name (IPs and localhost are not store domains)")
    if _suffixes().is_public(host):
        raise ValueError(f"{host!r} is a public suffix: name the store's own domain")
    return host


def host_matches(host: str, domains: Iterable[str]) -> bool:
    """Whether `host` is one of `domains` or below one of them, on whole labels. Entries that are
    not store domains (a bare suffix kept from before this rule) match nothing."""
    name = ascii_host(host)
    if name is None:
        return False
    for entry in domains:
        try:
            domain = store_domain(entry)
        except ValueError:
            continue
        if name == domain or name.endswith("." + domain):
            return True
    return False


StoreDomain = Annotated[str, AfterValidator(store_domain)]
