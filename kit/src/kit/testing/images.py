"""Photos for upload tests, drawn on the spot (no binary fixtures in the repository)."""

from __future__ import annotations

import io

from PIL import ExifTags, Image


def jpeg_with_gps(width: int = 1600, height: int = 1200) -> bytes:
    """A JPEG carrying GPS EXIF (Takeo's position): what an upload must never pass on."""
    image = Image.new("RGB", (width, height), (120, 80, 40))
    exif = image.getexif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (33.0, 11.0, 42.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (130.0, 1.0, 12.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()
