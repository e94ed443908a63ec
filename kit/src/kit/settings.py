"""Settings shared by every Machi process, read from the environment (pydantic-settings).

Each service has one database on the Postgres server named by ``DATABASE_URL``; migrations run
as the URL's user (the owner) and the service runs as ``<service>_app``, a role that owns nothing
and so is subject to row-level security. Background jobs (a dispatcher claiming due work of every
tenant) connect as ``<service>_jobs``, which RLS lets read across tenants.
"""

from __future__ import annotations

import ipaddress

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import URL, make_url

from kit.errors import DEFAULT_PROBLEMS_URL


class MachiSettings(BaseSettings):
    """Process-wide settings; the same names in every role and in the all-in-one mode."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="Owner URL of the Postgres server. Unset in `make run`: embedded Postgres.",
    )
    db_app_password: SecretStr = Field(
        default=SecretStr("machi-app"),
        description="Password of the `<service>_app` roles the services connect as.",
    )
    db_name_prefix: str = Field(default="machi_", description="Database name = prefix + service.")
    db_pool_size: int = Field(default=10, ge=1, le=200)
    amqp_url: str | None = Field(
        default=None, description="RabbitMQ URL. Unset: the in-memory bus (all-in-one only)."
    )
    events_prefix: str = Field(
        default="", description="Prefix of every exchange and queue name (isolates test runs)."
    )
    event_max_attempts: int = Field(default=5, ge=1, le=50)
    event_retry_delays_ms: list[int] = Field(
        default=[1_000, 10_000, 60_000],
        description="TTL of each retry step; the last step repeats until attempts run out.",
    )
    event_prefetch: int = Field(default=20, ge=1, le=1000)
    relay_batch_size: int = Field(default=200, ge=1, le=5000)
    relay_poll_seconds: float = Field(
        default=5,
        gt=0,
        le=60,
        description="Longest wait of an idle relay: a commit that writes an outbox row wakes it"
        " at once (LISTEN/NOTIFY); the poll publishes rows whose retry comes due.",
    )
    jwks_url: str = Field(
        default="http://127.0.0.1:8000/.well-known/jwks.json",
        description="Where services fetch the gateway's public keys.",
    )
    internal_token_issuer: str = "machi-gateway"
    outbound_allow_private: bool = Field(
        default=False,
        description="Let user-supplied URLs (stores, Mastodon instances, webhooks) reach"
        " loopback, private and link-local addresses: development, tests with local fakes,"
        " intranet stores. Off, they are refused (SSRF, see `kit.outbound`).",
    )
    outbound_allow_hosts: list[str] = Field(
        default_factory=list,
        description="Hosts whose private addresses user-supplied URLs may reach, as `host` or"
        " `host:port` (an intranet store, a test's fake server), a JSON list: a narrower"
        " `OUTBOUND_ALLOW_PRIVATE`.",
    )
    problems_url: str = Field(
        default=DEFAULT_PROBLEMS_URL,
        description="This deployment's public `/problems` page (the gateway's): every problem"
        " type is `<PROBLEMS_URL>#<slug>`, so it resolves to its meaning.",
    )
    log_level: str = "INFO"
    log_json: bool = True
    http_keep_alive_seconds: int = Field(
        default=75,
        ge=1,
        le=3600,
        description="How long `machi run`'s servers keep an idle HTTP connection open. Longer"
        " than whatever reuses connections in front keeps them idle (httpx: 5 s, between"
        " Machi's processes; most load balancers: 60 s), or a request sent as the server"
        " closes the connection fails (a 502 at the gateway).",
    )
    trusted_proxies: list[str] = Field(
        default=["127.0.0.1", "::1"],
        description="Addresses or networks (JSON list) whose X-Forwarded-For is believed: the"
        " proxy in front of the gateway, and the gateway in front of the services.",
    )

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for entry in value:
            ipaddress.ip_network(entry.strip(), strict=False)  # ValueError names a bad entry
        return value

    def owner_url(self, service: str) -> URL:
        """URL the migrations of `service` use: the server URL with the service's database."""
        if self.database_url is None:
            raise RuntimeError("DATABASE_URL is not set")
        url = make_url(self.database_url).set(drivername="postgresql+asyncpg")
        return url.set(database=f"{self.db_name_prefix}{service}")

    def app_url(self, service: str) -> URL:
        """URL the running service uses: same database, as the non-owner app role."""
        return self.owner_url(service).set(
            username=app_role(service), password=self.db_app_password.get_secret_value()
        )

    def jobs_url(self, service: str) -> URL:
        """URL of the service's background jobs, which may claim work across tenants."""
        return self.owner_url(service).set(
            username=jobs_role(service), password=self.db_app_password.get_secret_value()
        )


def app_role(service: str) -> str:
    """Name of the role `service`'s API connects as: every query is confined to one tenant."""
    return f"{service}_app"


def jobs_role(service: str) -> str:
    """Name of the role `service`'s background jobs connect as (see `kit.tenancy`)."""
    return f"{service}_jobs"
