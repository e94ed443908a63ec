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
import os
from pathlib import Path
from typing import Protocol

from catalog.settings import CatalogSettings


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
    # botocore takes most of a second to import: only a process that uses a bucket pays it.
    from catalog.media.s3 import S3Storage

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
