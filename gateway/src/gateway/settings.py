"""Gateway settings, read from the environment (pydantic-settings) beside `MachiSettings`."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    refresh_token_ttl_days: int = Field(default=30, ge=1, le=365)
    upstream_timeout_seconds: float = Field(default=30, gt=0, le=600)

    def upstream_urls(self) -> dict[str, str]:
        """Base URL of each service, by the name the routing table uses."""
        return {
            "catalog": self.catalog_url,
            "publisher": self.publisher_url,
            "analytics": self.analytics_url,
        }
