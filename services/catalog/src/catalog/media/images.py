"""Image checks and renditions with Pillow: type by content, pixel cap, metadata stripped.

Every rendition is re-encoded from pixels only, so EXIF (GPS included), XMP and text chunks of
the upload never reach a file we serve. Crops follow what Instagram accepts for feed images,
4:5 portrait to 1.91:1 landscape (Instagram Graph API, "Image specifications").
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from catalog.errors import MediaTooLarge, UnsupportedMedia

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


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise MediaTooLarge("the image has more pixels than Pillow's bomb guard allows") from None
    except UnidentifiedImageError:
        raise UnsupportedMedia("the file is not an image this service accepts") from None
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
    except (OSError, Image.DecompressionBombError) as exc:
        raise UnsupportedMedia("the image data is damaged") from exc
    upright = ImageOps.exif_transpose(image) or image  # honour orientation before dropping EXIF
    has_alpha = (upright.mode in ("RGBA", "LA", "P") and "transparency" in upright.info) or (
        upright.mode in ("RGBA", "LA")
    )
    pixels = upright.convert("RGBA" if has_alpha else "RGB")
    renditions = [_encode("original", pixels, has_alpha)]
    for spec in RENDITIONS:
        if spec.crop:
            sized = ImageOps.fit(pixels, (spec.width, spec.height), Image.Resampling.LANCZOS)
        else:
            sized = pixels.copy()
            sized.thumbnail((spec.width, spec.height), Image.Resampling.LANCZOS)
        renditions.append(_encode(spec.name, sized, has_alpha))
    return Processed(content_type, upright.width, upright.height, renditions)


def _encode(name: str, image: Image.Image, has_alpha: bool) -> Rendition:
    out = io.BytesIO()
    if has_alpha:
        image.save(out, "PNG", optimize=True)
        content_type = "image/png"
    else:
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True)
        content_type = "image/jpeg"
    return Rendition(name, out.getvalue(), image.width, image.height, content_type)
