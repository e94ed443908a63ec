"""Settings of the catalog alone (env prefix `CATALOG_`), read in `create_app`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kit.secrets import KEYS_FORMAT


class CatalogSettings(BaseSettings):
    """What the catalog needs beyond `MachiSettings`."""

    model_config = SettingsConfigDict(env_prefix="CATALOG_", env_file=".env", extra="ignore")

    secret_keys: SecretStr = Field(
        default=SecretStr(""),
        description=f"Keys encrypting storefront credentials: {KEYS_FORMAT}.",
    )
    public_base_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Public origin media URLs in events and responses start with (the gateway).",
    )
    fallback_language: str = Field(
        default="ja",
        description="Language shown when the caller's languages have no text and the tenant"
        " has set none (its gateway profile's fallback_locale, else its first locale, wins).",
    )
    timezone: str = Field(
        default="Asia/Tokyo",
        description="Time zone of season months and 'in season now' when the tenant's profile"
        " has none.",
    )
    media_storage: Literal["local", "s3"] = Field(
        default="local",
        description="Where uploads are kept: `local` (media_dir) or `s3` (media_s3_bucket).",
    )
    media_dir: Path = Field(default=Path("var/media"), description="Local media storage root.")
    media_s3_bucket: str = Field(default="", description="Bucket of the `s3` media store.")
    media_s3_endpoint_url: str = Field(
        default="",
        description="S3 API origin of a store other than AWS (MinIO, R2...); empty: AWS's own.",
    )
    media_s3_region: str = Field(default="us-east-1", description="Region of the bucket.")
    media_s3_access_key_id: str = Field(
        default="",
        description="Access key of the `s3` store; empty: the AWS_* variables, a web identity"
        " token or an instance role, as AWS SDKs look for them.",
    )
    media_s3_secret_access_key: SecretStr = Field(
        default=SecretStr(""), description="Secret of media_s3_access_key_id."
    )
    media_s3_path_style: bool = Field(
        default=False,
        description="Address objects as endpoint/bucket/key (MinIO and most self-hosted stores)"
        " instead of bucket.endpoint/key.",
    )
    media_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1, description="Upload size cap.")
    media_max_pixels: int = Field(
        default=50_000_000,
        ge=1,
        description="Decompression-bomb guard: largest width*height. Pillow's own guard"
        " (Image.MAX_IMAGE_PIXELS, about 89 Mpx) refuses larger images whatever this says.",
    )
    media_decode_slots: int = Field(
        default=2,
        ge=1,
        description="Images decoded at once per process; more uploads wait (a 50 Mpx image takes"
        " some 300 MB while it is resized).",
    )
    sync_interval_seconds: float = Field(
        default=900, gt=0, description="How often the worker pulls price and stock from stores."
    )
    store_timeout_seconds: float = Field(default=20, gt=0, description="Timeout of store calls.")
    store_max_retries: int = Field(
        default=3, ge=0, le=10, description="Retries of a store call answered 429 or 5xx."
    )
    store_max_retry_after_seconds: float = Field(
        default=30, gt=0, description="Longest Retry-After the sync waits before giving up."
    )
    import_max_bytes: int = Field(default=50 * 1024 * 1024, ge=1, description="CSV size cap.")
    import_poll_seconds: float = Field(
        default=1.0,
        gt=0,
        description="How often the import job looks again for an import it could not take yet,"
        " or for any while it cannot LISTEN; otherwise the commit that queues one wakes it.",
    )
    import_lease_seconds: float = Field(
        default=60,
        gt=0,
        description="How long a worker holds an import without renewing it (it renews every"
        " third of this); after it lapses another worker takes the import over.",
    )
    import_max_attempts: int = Field(
        default=3, ge=1, le=20, description="Tries of one import before it is marked failed."
    )

    @model_validator(mode="after")
    def _s3_is_complete(self) -> Self:
        if self.media_storage != "s3":
            return self
        if not self.media_s3_bucket:
            raise ValueError("CATALOG_MEDIA_STORAGE=s3 needs CATALOG_MEDIA_S3_BUCKET")
        if bool(self.media_s3_access_key_id) != bool(
            self.media_s3_secret_access_key.get_secret_value()
        ):
            raise ValueError(
                "CATALOG_MEDIA_S3_ACCESS_KEY_ID and CATALOG_MEDIA_S3_SECRET_ACCESS_KEY go together"
            )
        return self
