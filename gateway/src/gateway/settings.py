"""Gateway settings, read from the environment (pydantic-settings) beside `MachiSettings`."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from kit.secrets import KEYS_FORMAT


class GatewaySettings(BaseSettings):
    """Where the services are, where the signing key lives, and how long client tokens last."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    catalog_url: str = Field(default="http://127.0.0.1:8001", description="CATALOG_URL")
    publisher_url: str = Field(default="http://127.0.0.1:8002", description="PUBLISHER_URL")
    analytics_url: str = Field(default="http://127.0.0.1:8003", description="ANALYTICS_URL")
    gateway_signing_key_file: Path = Field(
        default=Path("var/gateway-signing-key.pem"),
        description="PEM EC private key that signs client and internal tokens.",
    )
    access_token_ttl_seconds: int = Field(default=900, ge=30, le=86_400)
    principal_cache_seconds: float = Field(
        default=5,
        ge=0,
        le=60,
        description="How long a user's roles, tenant and plan are kept in memory: a change made"
        " through another gateway process applies within this bound (through this one, at once;"
        " 0: read on every request).",
    )
    refresh_token_ttl_days: int = Field(default=30, ge=1, le=365)
    upstream_timeout_seconds: float = Field(default=30, gt=0, le=600)
    redis_url: str | None = Field(
        default=None, description="REDIS_URL: shared rate-limit buckets; unset: in-process ones."
    )
    rate_limit_per_minute: int = Field(
        default=600,
        ge=1,
        description="Requests a minute per key or user when the plan sets no"
        " api_requests_per_minute.",
    )
    public_rate_limit_per_minute: int = Field(
        default=1200, ge=1, description="Requests a minute per client IP on the public routes."
    )
    login_max_failures: int = Field(
        default=5, ge=1, description="Wrong passwords in a row before an account is locked."
    )
    login_lockout_seconds: int = Field(default=900, ge=1, description="How long a lock lasts.")
    login_ip_per_minute: int = Field(
        default=300,
        ge=1,
        description="Login attempts a minute from one client IP, counted before the body is read:"
        " a ceiling for a town hall behind one address.",
    )
    login_account_per_minute: int = Field(
        default=20, ge=1, description="Login attempts a minute for one email, from anywhere."
    )
    login_ip_account_per_minute: int = Field(
        default=10, ge=1, description="Login attempts a minute for one email from one client IP."
    )
    login_max_concurrent_hashes: int = Field(
        default=4,
        ge=1,
        description="argon2 computations at once in one process (each holds"
        " `LOGIN_HASH_MEMORY_MIB` while it runs).",
    )
    # argon2id's cost. The defaults are RFC 9106's second recommended option; the floors are
    # OWASP's Password Storage Cheat Sheet minimum (19 MiB, 2 passes, 1 lane).
    login_hash_memory_mib: int = Field(
        default=64,
        ge=19,
        le=2048,
        description="Memory of one password hash, MiB. Lower it only on a machine short of memory;"
        " stored hashes are made again with the new cost at each user's next login.",
    )
    login_hash_passes: int = Field(
        default=3, ge=2, le=20, description="Passes over that memory per password hash."
    )
    login_hash_lanes: int = Field(
        default=4, ge=1, le=16, description="Lanes (parallelism) of one password hash."
    )
    login_hash_wait_seconds: float = Field(
        default=2,
        ge=0,
        description="How long a password check waits for a free slot before a 503 `login-busy`.",
    )
    invitation_accept_ip_per_minute: int = Field(
        default=600,
        ge=1,
        description="Invitation acceptances a minute from one client IP (its own bucket, not the"
        " login one).",
    )
    invitation_misses_per_minute: int = Field(
        default=10,
        ge=1,
        description="Unknown, used or expired invitation tokens a minute from one client IP.",
    )
    invitation_ttl_hours: int = Field(default=72, ge=1, le=24 * 30)
    # `/r/{code}` is answered at the edge (gateway.redirect); what it shares with analytics'
    # own redirect is read from the same variables, so one setting governs both.
    click_id_param: str = Field(
        default="machi_cid",
        validation_alias="ANALYTICS_CLICK_ID_PARAM",
        description="Query parameter carrying the click id to the store.",
    )
    country_header: str = Field(
        default="",
        validation_alias="ANALYTICS_COUNTRY_HEADER",
        description="Header the trusted proxy in front sets to the visitor's ISO country.",
    )
    redirect_cache_seconds: float = Field(
        default=300,
        gt=0,
        le=86_400,
        description="How long a code's route stays in the edge's memory without an event: the"
        " longest a missed `analytics.link.routed.v1` (broker away) can leave a link stale.",
    )
    redirect_unknown_seconds: float = Field(
        default=2,
        ge=0,
        le=3600,
        description="How long an unknown code is remembered as unknown before analytics is asked"
        " again.",
    )
    click_flush_seconds: float = Field(
        default=0.5, gt=0, le=60, description="How often the edge hands its clicks to analytics."
    )
    click_queue_max: int = Field(
        default=200_000, ge=1000, description="Clicks the edge holds while analytics is away."
    )
    redirect_log_every: int = Field(
        default=100,
        ge=0,
        description="One access log line per this many redirects (1: every one; 0: none): a"
        " burst of clicks would otherwise be mostly log; each click is a row in analytics.",
    )
    usage_flush_seconds: float = Field(
        default=10, gt=0, description="How often request counts are written to the database."
    )
    public_cache_ttl_seconds: float = Field(
        default=30, ge=0, description="Server-side cache of public pages; 0 disables it."
    )
    public_cache_max_entries: int = Field(default=10_000, ge=1)
    audit_retention_days: int = Field(
        default=400,
        ge=1,
        description="AUDIT_RETENTION_DAYS: audit records older than this are purged (hourly).",
    )
    gateway_cors_origins: str = Field(
        default="", description="Comma-separated frontend origins allowed by CORS."
    )
    gateway_max_body_bytes: int = Field(
        default=32 * 1024 * 1024, ge=1024, description="Larger request bodies get 413."
    )
    gateway_public_url: str = Field(
        default="http://localhost:8000",
        description="GATEWAY_PUBLIC_URL: the address clients reach the API at, for mailed links.",
    )
    gateway_console_url: str = Field(
        default="http://localhost:8000/console",
        description="GATEWAY_CONSOLE_URL: the staff console as people reach it; invitation and"
        " password reset mails link to its pages (empty: they give the API call instead).",
    )
    gateway_smtp_host: str | None = Field(
        default=None,
        description="GATEWAY_SMTP_HOST: the mail relay for invitations and password resets;"
        " unset (`make run`): each message is written to the log instead.",
    )
    gateway_smtp_port: int = Field(default=587, ge=1, le=65535, description="GATEWAY_SMTP_PORT")
    gateway_smtp_username: str | None = Field(default=None, description="GATEWAY_SMTP_USERNAME")
    gateway_smtp_password: SecretStr | None = Field(
        default=None, description="GATEWAY_SMTP_PASSWORD"
    )
    gateway_smtp_starttls: bool = Field(
        default=True, description="GATEWAY_SMTP_STARTTLS: upgrade the connection with STARTTLS."
    )
    gateway_smtp_from: str = Field(
        default="Machi <no-reply@localhost>", description="GATEWAY_SMTP_FROM: the sender."
    )
    gateway_smtp_timeout_seconds: float = Field(default=10, gt=0, le=120)
    password_reset_ttl_minutes: int = Field(
        default=30, ge=5, le=24 * 60, description="How long an emailed reset token is valid."
    )
    password_reset_ip_per_minute: int = Field(
        default=10, ge=1, description="Password reset requests and attempts a minute per client IP."
    )

    def cors_origins(self) -> list[str]:
        """The configured CORS origins, without blanks."""
        return [o.strip().rstrip("/") for o in self.gateway_cors_origins.split(",") if o.strip()]

    def upstream_urls(self) -> dict[str, str]:
        """Base URL of each service, by the name the routing table uses."""
        return {
            "catalog": self.catalog_url,
            "publisher": self.publisher_url,
            "analytics": self.analytics_url,
        }


class GatewayKeys(BaseSettings):
    """GATEWAY_SECRET_KEYS, the one setting whose keys seal the gateway's secrets at rest
    (webhook endpoint secrets, TOTP secrets); one `kit.secrets.Sealer` is made of it."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", env_file=".env", extra="ignore")

    secret_keys: SecretStr = Field(
        default=SecretStr(""),
        description=f"GATEWAY_SECRET_KEYS: keys sealing webhook and TOTP secrets: {KEYS_FORMAT}.",
    )
