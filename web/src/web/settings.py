"""Settings of the `web` role (env prefix `WEB_`): where the gateway is, and the keys sealing the
session cookie."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from kit.secrets import KEYS_FORMAT


class WebSettings(BaseSettings):
    """What the console and the city page need: the gateway they call, and their cookie."""

    model_config = SettingsConfigDict(env_prefix="WEB_", env_file=".env", extra="ignore")

    secret_keys: SecretStr = Field(
        default=SecretStr(""),
        description=f"WEB_SECRET_KEYS: keys sealing the session cookie: {KEYS_FORMAT}.",
    )
    gateway_url: str = Field(
        default="http://127.0.0.1:8000",
        description="WEB_GATEWAY_URL: the gateway the pages call (unused in the all-in-one).",
    )
    public_api_url: str = Field(
        default="",
        description="WEB_PUBLIC_API_URL: the gateway as browsers reach it, for buy links and"
        " photos; empty: the same origin as the pages (the all-in-one, or one ingress).",
    )
    cookie_secure: bool = Field(
        default=False,
        description="WEB_COOKIE_SECURE: HTTPS only, under the `__Host-` name; on in production.",
    )
    session_days: int = Field(
        default=30, ge=1, le=365, description="How long a sign-in lasts without a visit."
    )
    timeout_seconds: float = Field(default=30, gt=0, le=600)
    page_cache_seconds: float = Field(
        default=10,
        ge=0,
        description="WEB_PAGE_CACHE_SECONDS: how long a rendered city page is kept; 0: never.",
    )
