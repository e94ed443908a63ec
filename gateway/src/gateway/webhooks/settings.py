"""Settings of outgoing webhooks (env prefix `GATEWAY_`): how deliveries are sent and retried.
The keys sealing endpoint secrets are `gateway.settings.GatewayKeys`, shared with TOTP."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebhookSettings(BaseSettings):
    """What the gateway's webhook sender needs beyond `GatewaySettings`."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", env_file=".env", extra="ignore")

    webhook_timeout_seconds: float = Field(
        default=10, gt=0, le=60, description="How long one attempt waits for the partner."
    )
    webhook_first_retry_seconds: float = Field(
        default=5, ge=0, description="Delay before the first retry; each next one is longer."
    )
    webhook_backoff_factor: float = Field(default=5, ge=1, description="Growth of the delay.")
    webhook_max_retry_seconds: float = Field(
        default=10 * 3600, ge=0, description="The longest delay between two attempts."
    )
    webhook_max_attempts: int = Field(
        default=9,
        ge=1,
        description="Attempts before giving up and disabling the endpoint; with the defaults"
        " the last one is about 25 hours after the first.",
    )
    webhook_poll_seconds: float = Field(default=2, gt=0, description="How often due work is sent.")
    webhook_batch_size: int = Field(default=50, ge=1, le=1000)

    def retry_delay(self, attempts: int) -> float:
        """Seconds to wait after the `attempts`-th failed attempt (exponential, capped)."""
        delay = self.webhook_first_retry_seconds * self.webhook_backoff_factor ** (attempts - 1)
        return float(min(delay, self.webhook_max_retry_seconds))
