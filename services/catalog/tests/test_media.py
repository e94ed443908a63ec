"""Media: type by content, bomb guards, decodes capped, EXIF/GPS stripped, renditions served
publicly."""

import asyncio
import io
import struct
import uuid
import zlib
from collections.abc import Callable
from contextlib import AsyncExitStack

import httpx
from fastapi import FastAPI
from PIL import ExifTags, Image

from catalog.media.images import DecodeLimit
from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.testing.images import jpeg_with_gps
from kit.testing.plugin import principal
from kit.testing.waiting import eventually

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A valid PNG header claiming width x height pixels, with almost no data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def png_with_text_bomb() -> bytes:
    """A 1x1 PNG whose compressed text chunk (zTXt) inflates to 16 MB from 16 KB (Pillow stops
    at 1 MB, PngImagePlugin.MAX_TEXT_CHUNK)."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    text = b"comment\x00\x00" + zlib.compress(b"A" * 16_000_000, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"zTXt", text)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def large_jpeg(width: int = 2000, height: int = 1500) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (90, 140, 60)).save(out, "JPEG")
    return out.getvalue()


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


async def test_a_photo_taken_sideways_is_stored_upright(as_user: Client) -> None:
    sideways = Image.new("RGB", (400, 300), (200, 30, 30))
    exif = sideways.getexif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: show it rotated 90 degrees
    out = io.BytesIO()
    sideways.save(out, "JPEG", exif=exif)
    http = as_user(principal(uuid.uuid4()))
    media = (await upload(http, "turned.jpg", out.getvalue())).json()
    assert (media["width"], media["height"]) == (300, 400)
    served = await http.get(f"/v1/media/{media['id']}/original")
    image = Image.open(io.BytesIO(served.content))
    assert image.size == (300, 400)
    assert ExifTags.Base.Orientation not in image.getexif()


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


async def test_image_over_the_pixel_cap_but_under_pillows_guard_is_413(as_user: Client) -> None:
    # 60 Mpx: under Pillow's own warning (about 89 Mpx), over CATALOG_MEDIA_MAX_PIXELS (50 Mpx).
    response = await upload(as_user(principal(uuid.uuid4())), "wide.png", png_bomb(8000, 7500))
    assert response.status_code == 413
    assert response.json()["type"] == type_uri("media-too-large")


async def test_png_whose_text_inflates_past_the_guard_is_413(as_user: Client) -> None:
    response = await upload(as_user(principal(uuid.uuid4())), "note.png", png_with_text_bomb())
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == type_uri("media-too-large")


async def test_concurrent_uploads_decode_no_more_than_the_slots_at_once(
    as_user: Client, app: FastAPI, catalog_settings
) -> None:
    http = as_user(principal(uuid.uuid4()))
    photo = large_jpeg()
    responses = await asyncio.gather(*(upload(http, f"{n}.jpg", photo) for n in range(3)))
    assert [r.status_code for r in responses] == [201] * 3
    decoder: DecodeLimit = app.state.media_decoder
    assert 1 <= decoder.peak <= catalog_settings.media_decode_slots
    assert decoder.running == 0


async def test_an_upload_waiting_for_a_slot_holds_no_database_connection(
    as_user: Client, app: FastAPI, runtime: ServiceRuntime, catalog_settings
) -> None:
    decoder: DecodeLimit = app.state.media_decoder
    pool = runtime.db.engine.pool
    http = as_user(principal(uuid.uuid4()))

    async def queued() -> bool:
        return decoder.waiting == 1

    async with AsyncExitStack() as held:
        for _ in range(catalog_settings.media_decode_slots):  # as by a burst of large uploads
            await held.enter_async_context(decoder.slot())
        pending = asyncio.create_task(upload(http, "later.jpg", jpeg_with_gps()))
        await eventually(queued, what="the upload waits for a slot")
        assert pool.checkedout() == 0  # type: ignore[attr-defined]
    assert (await pending).status_code == 201


async def test_decodes_past_the_slots_wait_for_one_to_free() -> None:
    decoder = DecodeLimit(2)
    finished = []

    async def decode(n: int) -> None:
        async with decoder.slot():
            await asyncio.sleep(0)  # the others get their turn to ask for a slot
            finished.append(n)

    # All five ask in the same turn of the loop: only the slots keep three of them waiting.
    await asyncio.gather(*(decode(n) for n in range(5)))
    assert sorted(finished) == [0, 1, 2, 3, 4]
    assert decoder.peak == 2
    assert decoder.running == 0


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
