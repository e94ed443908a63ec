"""Media: type by content, bomb guard, EXIF/GPS stripped, renditions served publicly."""

import io
import struct
import uuid
import zlib
from collections.abc import Callable

import httpx
from PIL import ExifTags, Image

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.testing.images import jpeg_with_gps
from kit.testing.plugin import principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A valid PNG header claiming width x height pixels, with almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


async def upload(http: httpx.AsyncClient, name: str, data: bytes) -> httpx.Response:
    return await http.post("/v1/media", files={"file": (name, data, "image/jpeg")})


async def test_jpeg_with_gps_exif_comes_back_without_it(as_user: Client) -> None:
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    http = as_user(principal(uuid.uuid4()))
    uploaded = await upload(http, "garlic.jpg", original)
    assert uploaded.status_code == 201, uploaded.text
    media = uploaded.json()
    for rendition in ("original", "web", "thumbnail", "portrait", "landscape"):
        served = await http.get(f"/v1/media/{media['id']}/{rendition}")
        assert served.status_code == 200
        image = Image.open(io.BytesIO(served.content))
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert b"Exif" not in served.content


async def test_renditions_have_the_instagram_ratios_and_are_public(
    as_user: Client, app: object
) -> None:
    http = as_user(principal(uuid.uuid4()))
    media = (await upload(http, "tofu.jpg", jpeg_with_gps())).json()
    assert media["urls"]["web"] == f"https://town.example/v1/media/{media['id']}/web"
    anonymous = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
        base_url="http://catalog",
    )
    sizes = {}
    for rendition in ("portrait", "landscape", "thumbnail"):
        served = await anonymous.get(f"/v1/media/{media['id']}/{rendition}")
        assert served.status_code == 200
        assert served.headers["content-type"] == "image/jpeg"
        sizes[rendition] = Image.open(io.BytesIO(served.content)).size
    assert sizes == {"portrait": (1080, 1350), "landscape": (1200, 628), "thumbnail": (320, 240)}


async def test_png_bomb_is_refused(as_user: Client) -> None:
    response = await upload(as_user(principal(uuid.uuid4())), "bomb.png", png_bomb())
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


async def test_php_file_named_jpg_is_refused(as_user: Client) -> None:
    php = b"<?php system($_GET['cmd']); ?>\n"
    response = await upload(as_user(principal(uuid.uuid4())), "photo.jpg", php)
    assert response.status_code == 415
    assert response.json()["type"] == type_uri("unsupported-media")


async def test_upload_over_the_size_limit_is_refused(as_user: Client, catalog_settings) -> None:
    too_big = b"\xff\xd8" + b"\x00" * catalog_settings.media_max_bytes
    response = await upload(as_user(principal(uuid.uuid4())), "big.jpg", too_big)
    assert response.status_code == 413


async def test_unknown_rendition_is_404(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    assert (await http.get(f"/v1/media/{uuid.uuid4()}/web")).status_code == 404


async def test_analyst_cannot_upload(as_user: Client) -> None:
    analyst = as_user(principal(uuid.uuid4(), roles=("analyst",)))
    assert (await upload(analyst, "x.jpg", jpeg_with_gps())).status_code == 403
