"""Analytics settings, read from the environment with the `ANALYTICS_` prefix."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from kit.secrets import KEYS_FORMAT


class AnalyticsSettings(BaseSettings):
    """Links, the redirect's buffer, attribution, rollups and secrets at rest."""

    model_config = SettingsConfigDict(env_prefix="ANALYTICS_", env_file=".env", extra="ignore")

    public_base_url: str = Field(
        default="http://localhost:8000",
        description="Public origin of Machi: short links are `{this}/r/{code}`; its /public/"
        " pages are always an allowed destination.",
    )
    extra_store_hosts: list[str] = Field(
        default=[],
        description="Hosts every town's links may lead to besides its store domains, matched"
        ' exactly: a development or intranet store (JSON list, e.g. ["127.0.0.1"]). Store'
        " domains themselves are public host names set by the operator on the tenant.",
    )
    click_id_param: str = Field(
        default="machi_cid", description="Query parameter carrying the click id to the store."
    )
    link_cache_seconds: float = Field(
        default=10.0, ge=0, le=3600, description="How long a resolved code stays in memory."
    )
    link_cache_size: int = Field(default=50_000, ge=100, description="Codes kept in memory.")
    flush_seconds: float = Field(
        default=1.0, gt=0, le=60, description="Click buffer flush period (a crash loses this much)."
    )
    country_header: str = Field(
        default="",
        description="Header the trusted proxy in front sets to the visitor's ISO country"
        " (Cloudflare: CF-IPCountry); empty: countries are not recorded. A client can send any"
        " header, so name only one your proxy overwrites.",
    )
    buffer_max: int = Field(
        default=200_000, ge=1000, description="Clicks held in memory while the database is down."
    )
    attribution_window_days: int = Field(
        default=30, ge=1, le=365, description="Default last-click window for new tenants."
    )
    rollup_seconds: float = Field(default=30.0, gt=0, description="Rollup job period (worker).")
    best_times_min_samples: int = Field(
        default=3, ge=1, description="Deliveries a weekday x hour cell needs to be reported."
    )
    secret_keys: SecretStr = Field(
        default=SecretStr(""),
        description=f"Keys encrypting store webhook secrets at rest: {KEYS_FORMAT}.",
    )


@lru_cache(maxsize=1)
def current() -> AnalyticsSettings:
    """The process's settings, read once on first use (event handlers have no app state)."""
    return AnalyticsSettings()
