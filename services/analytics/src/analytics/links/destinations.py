"""Which destinations a tracked link may point to: http(s) on the tenant's store domains (matched
by `kit.storedomains`, on whole labels), a host the deployment allows explicitly
(`ANALYTICS_EXTRA_STORE_HOSTS`: a development or intranet store), or Machi's own public pages.
Everything else (javascript:, data:, other hosts, credentials in the URL) is refused, so a short
link can never be turned into an open redirect or a script."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from analytics.errors import DestinationRefused
from kit.storedomains import host_matches

MAX_LENGTH = 2048  # Shlink truncates visited URLs at 2048


def check(
    url: str,
    allowed_domains: Sequence[str],
    public_base_url: str,
    extra_hosts: Sequence[str] = (),
) -> str:
    """`url` if a link may point to it, else DestinationRefused."""
    if len(url) > MAX_LENGTH or any(c.isspace() or ord(c) < 32 for c in url):
        raise DestinationRefused("destination is too long or contains blanks")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise DestinationRefused("destination must be an http(s) URL")
    if parts.username or parts.password or not parts.hostname:
        raise DestinationRefused("destination must name a host and no credentials")
    host = parts.hostname.lower().rstrip(".")
    if host_matches(host, allowed_domains) or host in {h.lower() for h in extra_hosts}:
        return url
    public = urlsplit(public_base_url)
    if host == (public.hostname or "").lower() and parts.path.startswith("/public/"):
        return url
    raise DestinationRefused(f"{host} is not one of the tenant's store domains")
