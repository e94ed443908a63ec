"""Where media files live, behind one interface: the local filesystem by default, or a bucket of
an S3-compatible store (AWS S3, MinIO, Cloudflare R2...), chosen by `CATALOG_MEDIA_STORAGE`.

Either way the public URL of a rendition is the catalog's own `/v1/media/{id}/{rendition}`,
served from the store by `catalog.media.api`: it never expires. Meta downloads `image_url` and
`video_url` itself, possibly long after the upload (a scheduled post), and wants media that stay
reachable for at least 24 h (../shared/reference/social-publishing.md; Instagram Graph API, IG
User Media reference), so no presigned URL, whose lifetime would be one more thing to get wrong,
is ever handed out.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import os
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import SecretStr

from catalog.errors import MediaStorageUnavailable
from catalog.settings import CatalogSettings

if TYPE_CHECKING:
    from types_aiobotocore_s3 import S3Client

log = logging.getLogger(__name__)


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, replacing what was there."""
        ...

    async def get(self, key: str) -> bytes | None:
        """The bytes under `key`, or None."""
        ...

    async def delete(self, key: str) -> None:
        """Forget `key` (no error when absent)."""
        ...

    async def close(self) -> None:
        """Let go of connections (at shutdown)."""
        ...


def media_storage(settings: CatalogSettings) -> Storage:
    """The store `settings` choose."""
    if settings.media_storage == "local":
        return LocalStorage(settings.media_dir)
    return S3Storage(
        settings.media_s3_bucket,
        endpoint_url=settings.media_s3_endpoint_url or None,
        region=settings.media_s3_region,
        access_key_id=settings.media_s3_access_key_id,
        secret_access_key=settings.media_s3_secret_access_key,
        path_style=settings.media_s3_path_style,
    )


class LocalStorage:
    """Files under one root directory; keys are relative paths made by this service only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError(f"key {key!r} leaves the storage root")
        return path

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(path.suffix + ".part")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # readers never see half a file

    async def get(self, key: str) -> bytes | None:
        path = self._path(key)
        if not path.is_file():
            return None
        return await asyncio.to_thread(path.read_bytes)

    async def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    async def close(self) -> None:
        pass


class S3Storage:
    """Objects in one bucket, keys as they are. The client opens at the first call and is kept
    (its connection pool with it) until `close`. Without an access key the client finds its
    credentials as AWS SDKs do: AWS_* variables, a web identity token, an instance role."""

    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None,
        region: str,
        access_key_id: str,
        secret_access_key: SecretStr,
        path_style: bool,
    ) -> None:
        self.bucket = bucket
        self._endpoint_url = endpoint_url
        self._region = region
        self._access_key_id = access_key_id
        self._secret_access_key = secret_access_key  # read only when the client is made
        self._config = AioConfig(
            # MinIO and most self-hosted stores answer at endpoint/bucket/key, not bucket.host.
            s3={"addressing_style": "path" if path_style else "auto"},
            connect_timeout=5,
            read_timeout=30,
            # put, get and delete of one key are idempotent: retrying them is safe.
            retries={"mode": "standard", "max_attempts": 3},
        )
        self._stack = AsyncExitStack()
        self._client: S3Client | None = None
        self._opening = asyncio.Lock()

    async def _s3(self) -> S3Client:
        async with self._opening:
            if self._client is None:
                self._client = await self._stack.enter_async_context(
                    get_session().create_client(
                        "s3",
                        endpoint_url=self._endpoint_url,
                        region_name=self._region,
                        aws_access_key_id=self._access_key_id or None,
                        aws_secret_access_key=self._secret_access_key.get_secret_value() or None,
                        config=self._config,
                    )
                )
            return self._client

    async def put(self, key: str, data: bytes) -> None:
        content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
        try:
            s3 = await self._s3()
            await s3.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    async def get(self, key: str) -> bytes | None:
        try:
            s3 = await self._s3()
            answer = await s3.get_object(Bucket=self.bucket, Key=key)
            async with answer["Body"] as body:
                return await body.read()
        except ClientError as exc:
            # A missing key is NoSuchKey only to a caller holding s3:ListBucket; without it AWS
            # answers 403 AccessDenied (S3 API reference, GetObject, "Permissions").
            if exc.response.get("Error", {}).get("Code") == "NoSuchKey":
                return None
            raise _unavailable(exc) from exc
        except BotoCoreError as exc:
            raise _unavailable(exc) from exc

    async def delete(self, key: str) -> None:
        try:
            s3 = await self._s3()
            await s3.delete_object(Bucket=self.bucket, Key=key)  # S3 answers 204 when absent
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    async def close(self) -> None:
        await self._stack.aclose()
        self._client = None


def _unavailable(exc: BotoCoreError | ClientError) -> MediaStorageUnavailable:
    # The store's words (bucket, endpoint; never the credentials) go to the log for the operator,
    # not to the caller.
    log.warning("media store failed: %s", exc)
    return MediaStorageUnavailable("the media store did not answer; try again")
