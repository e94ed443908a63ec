"""Media stores: local disk and an S3 bucket (moto's S3 server on loopback) keep one contract;
with S3 selected, an upload is served at the catalog's own public URL, which never expires."""

import logging
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from catalog.app import SERVICE
from catalog.errors import MediaStorageUnavailable
from catalog.media.storage import LocalStorage, Storage, media_storage
from catalog.settings import CatalogSettings
from kit.auth import TokenSigner
from kit.testing.images import jpeg_with_gps
from kit.testing.plugin import client, principal


@pytest.fixture(scope="session")
async def s3_storage(s3_settings: CatalogSettings) -> AsyncIterator[Storage]:
    storage = media_storage(s3_settings)
    yield storage
    await storage.close()


@pytest.fixture(params=["local", "s3"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    if request.param == "local":
        return LocalStorage(tmp_path)
    s3: Storage = request.getfixturevalue("s3_storage")
    return s3


def fresh_key() -> str:
    return f"{uuid.uuid4()}/web.jpg"


async def test_put_then_get_returns_the_bytes(storage: Storage) -> None:
    key = fresh_key()
    await storage.put(key, b"first")
    assert await storage.get(key) == b"first"


async def test_put_again_replaces_the_bytes(storage: Storage) -> None:
    key = fresh_key()
    await storage.put(key, b"first")
    await storage.put(key, b"second")
    assert await storage.get(key) == b"second"


async def test_missing_key_is_none(storage: Storage) -> None:
    assert await storage.get(fresh_key()) is None


async def test_delete_forgets_the_key_and_a_missing_key_is_no_error(storage: Storage) -> None:
    key = fresh_key()
    await storage.put(key, b"first")
    await storage.delete(key)
    assert await storage.get(key) is None
    await storage.delete(key)


async def test_a_bucket_that_does_not_exist_is_storage_unavailable(
    s3_settings: CatalogSettings,
) -> None:
    storage = media_storage(s3_settings.model_copy(update={"media_s3_bucket": "no-such-bucket"}))
    try:
        with pytest.raises(MediaStorageUnavailable):
            await storage.put(fresh_key(), b"first")
        with pytest.raises(MediaStorageUnavailable):
            await storage.get(fresh_key())
    finally:
        await storage.close()


def test_s3_without_a_bucket_is_refused_at_start() -> None:
    with pytest.raises(ValidationError, match="CATALOG_MEDIA_S3_BUCKET"):
        CatalogSettings(media_storage="s3", _env_file=None)


def test_an_access_key_without_its_secret_is_refused_at_start() -> None:
    with pytest.raises(ValidationError, match="go together"):
        CatalogSettings(
            media_storage="s3", media_s3_bucket="b", media_s3_access_key_id="k", _env_file=None
        )


async def test_upload_with_s3_selected_is_kept_in_the_bucket_and_served_at_its_public_url(
    s3_app: FastAPI,
    s3_storage: Storage,
    s3_settings: CatalogSettings,
    signer: TokenSigner,
) -> None:
    http = client(s3_app, signer, SERVICE, principal(uuid.uuid4()))
    uploaded = await http.post("/v1/media", files={"file": ("yuzu.jpg", jpeg_with_gps())})
    assert uploaded.status_code == 201, uploaded.text
    media = uploaded.json()
    # The catalog's own path, with no signature or expiry in a query: Meta may fetch it any
    # time after the post is scheduled (at least 24 h, social-publishing.md).
    assert media["urls"]["web"] == f"https://town.example/v1/media/{media['id']}/web"
    assert not (s3_settings.media_dir / media["id"]).exists()
    anonymous = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=s3_app), base_url="http://catalog"
    )
    served = await anonymous.get(f"/v1/media/{media['id']}/web")
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/jpeg"
    assert served.content == await s3_storage.get(f"{media['id']}/web.jpg")


async def test_unknown_media_with_s3_selected_is_404(s3_app: FastAPI) -> None:
    anonymous = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=s3_app), base_url="http://catalog"
    )
    assert (await anonymous.get(f"/v1/media/{uuid.uuid4()}/web")).status_code == 404


async def test_the_s3_secret_is_in_no_repr_and_no_log_line(
    s3_storage: Storage, s3_settings: CatalogSettings, caplog: pytest.LogCaptureFixture
) -> None:
    secret = s3_settings.media_s3_secret_access_key.get_secret_value()
    with caplog.at_level(logging.DEBUG):
        key = fresh_key()
        await s3_storage.put(key, b"first")
        await s3_storage.get(key)
    assert caplog.records  # botocore logs its requests at DEBUG
    assert secret not in caplog.text
    assert secret not in repr(s3_settings)
    assert secret not in repr(s3_storage) + repr(vars(s3_storage))
