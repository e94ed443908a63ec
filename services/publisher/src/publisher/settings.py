"""Publisher settings, read from the environment with the `PUBLISHER_` prefix."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from kit.secrets import KEYS_FORMAT


class PublisherSettings(BaseSettings):
    """What the publisher needs beyond `MachiSettings`; every platform base URL is here."""

    model_config = SettingsConfigDict(env_prefix="PUBLISHER_", env_file=".env", extra="ignore")

    secret_keys: SecretStr = Field(
        default=SecretStr(""),
        description=f"Keys encrypting channel tokens and OAuth app secrets: {KEYS_FORMAT}.",
    )
    public_base_url: str = Field(
        default="http://localhost:8000", description="Base of tracked links `{base}/r/{code}`."
    )
    oauth_redirect_base: str = Field(
        default="http://localhost:8000/console/channels/oauth",
        description="Callback base registered with each platform: `{base}/{platform}/callback`;"
        " the console's page, which completes the grant with the signed-in admin's token.",
    )
    default_timezone: str = "Asia/Tokyo"
    facebook_graph_url: str = "https://graph.facebook.com/v23.0"
    facebook_dialog_url: str = "https://www.facebook.com/v23.0/dialog/oauth"
    facebook_app_id: str = ""
    facebook_app_secret: SecretStr = SecretStr("")
    # What the Meta app dashboard sends as `hub.verify_token` to the deployment-wide callback
    # `/webhooks/meta` (a town's own app uses `/webhooks/{town}/meta` and its own token).
    meta_verify_token: SecretStr = SecretStr("")
    threads_graph_url: str = "https://graph.threads.net/v1.0"
    threads_dialog_url: str = "https://threads.net/oauth/authorize"
    threads_app_id: str = ""
    threads_app_secret: SecretStr = SecretStr("")
    x_api_url: str = "https://api.x.com"
    x_authorize_url: str = "https://x.com/i/oauth2/authorize"
    x_client_id: str = ""
    x_client_secret: SecretStr = SecretStr("")
    line_api_url: str = "https://api.line.me"
    mastodon_scheme: str = Field(
        default="https", description="Scheme used with a bare Mastodon instance host name."
    )
    platform_timeout_seconds: float = Field(default=10.0, gt=0)
    media_max_bytes: int = Field(
        default=64 * 1024 * 1024,
        ge=1024,
        description="Largest media file the dispatcher downloads to upload to X or Mastodon.",
    )
    media_timeout_seconds: float = Field(
        default=60.0, gt=0, description="Time to download or upload one media file."
    )
    dispatch_every_seconds: float = Field(default=1.0, gt=0)
    dispatch_batch_size: int = Field(default=100, ge=1, le=5000)
    dispatch_concurrency: int = Field(default=50, ge=1, le=1000)
    dispatch_platform_concurrency: dict[str, int] = Field(
        default={"x": 10},
        description="Deliveries in flight at once per platform (JSON object); a platform not"
        " named shares `dispatch_concurrency` alone. X limits posts per user (Postiz runs 10).",
    )
    dispatch_token_concurrency: int = Field(
        default=4,
        ge=1,
        description="Deliveries in flight at once on one access token (channels sharing it).",
    )
    dispatch_lease_seconds: int = Field(default=300, ge=10)
    retry_base_seconds: float = Field(default=30.0, ge=0)
    retry_max_attempts: int = Field(default=5, ge=1)
    prepare_attempts: int = Field(default=3, ge=1)
    confirm_attempts: int = Field(default=3, ge=1)
    reconcile_every_seconds: float = Field(default=60.0, gt=0)
    reconcile_grace_seconds: int = Field(
        default=300, ge=0, description="How long a post may take to show on the platform."
    )
    token_refresh_margin_seconds: int = Field(
        default=600, ge=0, description="Refresh a platform token this long before it expires."
    )
    token_refresh_every_seconds: float = Field(
        default=300.0, gt=0, description="How often the job refreshes tokens nearing expiry."
    )
    campaign_lookahead_hours: float = Field(
        default=168.0,
        gt=0,
        description="How far ahead a campaign makes its posts: each is made (its product chosen"
        " as things are then) this long before it is due, so writers and editors see it coming.",
    )
    campaign_every_seconds: float = Field(
        default=300.0, gt=0, description="How often the worker makes campaigns' coming posts."
    )
    inbox_ingest_every_seconds: float = Field(
        default=1.0, gt=0, description="How often stored inbox webhooks are threaded."
    )
    inbox_poll_every_seconds: float = Field(
        default=60.0,
        ge=5,
        description="How often each X or Mastodon channel's mentions are read (per channel;"
        " X allows 300 reads / 15 min per account, Mastodon 300 calls / 5 min).",
    )
    late_after_minutes: int = Field(default=5, ge=1)
    insights_every_seconds: float = Field(
        default=3 * 3600.0,
        gt=0,
        description="Insight pulls of recent posts; every channel's numbers once a day.",
    )
    insights_recent_hours: int = Field(
        default=48, ge=1, description="Posts published this recently get their metrics pulled."
    )
    governor_slowdown_percent: int = Field(
        default=90, ge=1, le=100, description="Meta usage above which calls pause (Mixpost)."
    )
