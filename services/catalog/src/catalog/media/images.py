"""Image checks and renditions with Pillow: type by content, pixel cap, metadata stripped, and
a cap on how many images are decoded at once.

Every rendition is re-encoded from pixels only, so EXIF (GPS included), XMP and text chunks of
the upload never reach a file we serve. Crops follow what Instagram accepts for feed images,
4:5 portrait to 1.91:1 landscape (Instagram Graph API, "Image specifications").
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
"""

from __future__ import annotations

import asyncio
import io
import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from prometheus_client import Gauge

from catalog.errors import MediaTooLarge, UnsupportedMedia

DECODING = Gauge("machi_media_decoding", "Uploaded images being decoded or resized now")
DECODES_WAITING = Gauge("machi_media_decodes_waiting", "Uploads waiting for a decode slot")

ACCEPTED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True)
class Spec:
    """One rendition: `fit` keeps the whole image within the box, `crop` fills it exactly."""

    name: str
    width: int
    height: int
    crop: bool


RENDITIONS = (
    Spec("thumbnail", 320, 320, crop=False),
    Spec("web", 1600, 1600, crop=False),
    Spec("portrait", 1080, 1350, crop=True),  # 4:5
    Spec("landscape", 1200, 628, crop=True),  # 1.91:1
)


@dataclass(frozen=True)
class Rendition:
    name: str
    data: bytes
    width: int
    height: int
    content_type: str


@dataclass(frozen=True)
class Processed:
    content_type: str
    width: int
    height: int
    renditions: list[Rendition]


class DecodeLimit:
    """At most `slots` images decoded at once in this process; the rest wait their turn.

    A 50 Mpx upload is 150-200 MB of pixels once decoded, and some 300 MB at its peak while
    encoded and resized: a burst of such uploads decoded together would exhaust the memory of a
    small pod.
    """

    def __init__(self, slots: int) -> None:
        self._slots = asyncio.BoundedSemaphore(slots)
        self.waiting = 0
        self.running = 0
        self.peak = 0  # the most ever decoded at once: what the limit is held to

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the slots while reading and decoding an image."""
        self.waiting += 1
        DECODES_WAITING.inc()
        try:
            await self._slots.acquire()
        finally:
            self.waiting -= 1
            DECODES_WAITING.dec()
        self.running += 1
        self.peak = max(self.peak, self.running)
        DECODING.inc()
        try:
            yield
        finally:
            self.running -= 1
            DECODING.dec()
            self._slots.release()


def _refused(exc: ValueError) -> MediaTooLarge | UnsupportedMedia:
    # Pillow inflates compressed PNG text and ICC chunks only up to MAX_TEXT_CHUNK and raises
    # ValueError("Decompressed data too large ...") past it: a decompression bomb, not damage.
    if "too large" in str(exc):
        return MediaTooLarge("a compressed part of the image inflates past Pillow's bomb guard")
    return UnsupportedMedia("the image data is damaged")


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise MediaTooLarge("the image has more pixels than Pillow's bomb guard allows") from None
    except UnidentifiedImageError:
        raise UnsupportedMedia("the file is not an image this service accepts") from None
    except ValueError as exc:
        raise _refused(exc) from None
    if image.format not in ACCEPTED_FORMATS:
        raise UnsupportedMedia(f"{image.format} images are not accepted (JPEG, PNG, WebP)")
    if image.width * image.height > max_pixels:
        # Checked before decoding: a 20000x20000 PNG of a few KB would decode to 1.6 GB.
        raise MediaTooLarge(f"{image.width}x{image.height} is over {max_pixels} pixels")
    return image


def process(data: bytes, max_pixels: int) -> Processed:
    """Check `data` and make every rendition (CPU-bound: call in a thread)."""
    image = _open(data, max_pixels)
    content_type = ACCEPTED_FORMATS[str(image.format)]
    try:
        image.load()
    except Image.DecompressionBombError:
        raise MediaTooLarge("the image has more pixels than Pillow's bomb guard allows") from None
    except OSError as exc:
        raise UnsupportedMedia("the image data is damaged") from exc
    except ValueError as exc:
        raise _refused(exc) from exc
    # A 50 Mpx image is 150-200 MB of pixels: every step below works on it in place or makes
    # only the smaller image it needs, never a full-size copy.
    ImageOps.exif_transpose(image, in_place=True)  # honour orientation before dropping EXIF
    has_alpha = (image.mode in ("RGBA", "LA", "P") and "transparency" in image.info) or (
        image.mode in ("RGBA", "LA")
    )
    mode = "RGBA" if has_alpha else "RGB"
    pixels = image if image.mode == mode else image.convert(mode)
    renditions = [_encode("original", pixels, has_alpha)]
    for spec in RENDITIONS:
        if spec.crop:
            sized = ImageOps.fit(pixels, (spec.width, spec.height), Image.Resampling.LANCZOS)
        else:
            sized = _within(pixels, spec.width, spec.height)
        renditions.append(_encode(spec.name, sized, has_alpha))
    return Processed(content_type, pixels.width, pixels.height, renditions)


def _within(image: Image.Image, width: int, height: int) -> Image.Image:
    """`image` shrunk to fit the box, never enlarged: Image.thumbnail without first copying
    the full-size image."""
    scale = min(width / image.width, height / image.height)
    if scale >= 1:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode(name: str, image: Image.Image, has_alpha: bool) -> Rendition:
    out = io.BytesIO()
    if has_alpha:
        image.save(out, "PNG", optimize=True)
        content_type = "image/png"
    else:
        # Optimized and progressive JPEGs make libjpeg hold every coefficient of the image at
        # once: some 100 MB more for a 50 Mpx original, and three times the time. The original
        # stays baseline (6% larger); the renditions pages show are small enough to optimize.
        small = name != "original"
        image.save(out, "JPEG", quality=85, optimize=small, progressive=small)
        content_type = "image/jpeg"
    return Rendition(name, out.getvalue(), image.width, image.height, content_type)
