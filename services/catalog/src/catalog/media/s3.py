"""The media store in a bucket of an S3-compatible store (AWS S3, MinIO, Cloudflare R2...), when
`CATALOG_MEDIA_STORAGE=s3`. Its own module, so that processes with local media never import
botocore."""

from __future__ import annotations

import asyncio
import logging
import mimetypes
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import SecretStr

from catalog.errors import MediaStorageUnavailable

if TYPE_CHECKING:
    from types_aiobotocore_s3 import S3Client

log = logging.getLogger(__name__)


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
