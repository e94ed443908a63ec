"""Instagram's rules as data: caption and media limits, its error map, the scopes it needs.

https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.2).
"""

from __future__ import annotations

from publisher.platforms.base import PERMANENT, QUOTA, REAUTH, RETRY, ErrorRule, Rules, code_points
from publisher.platforms.facebook.rules import ERRORS as GRAPH_ERRORS

SRC = "developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes"

MB = 1024 * 1024

# Each row with its source:
# - caption 2,200 characters, 30 hashtags, 20 mentions: IG User Media reference (reference 4.2);
# - at least one photo or video; several make a carousel of 2 to 10, photos and videos mixed:
#   IG User Media reference, "carousels hold 2-10 items" (reference 4.2);
# - photos JPEG at most 8 MiB, aspect 4:5 to 1.91:1: reference 4.2 Content rules, and the
#   Ayrshare Instagram media guidelines agree;
# - a video alone is a Reel: 300 MB (Ayrshare's English guidelines; its translations say 1 GB:
#   the lower is kept), MOV/MP4, 3 s to 15 min: reference 4.2;
# - the photo sent is the catalog's 4:5 portrait crop unless the writer picks the 1.91:1
#   landscape one: both inside Instagram's range, whatever the original's shape.
RULES = Rules(
    max_length=2_200,
    count=code_points,
    max_hashtags=30,
    max_mentions=20,
    min_media=1,
    max_media=10,
    aspect_min=4 / 5,
    aspect_max=1.91,
    image_max_bytes=8 * MB,
    video_max_bytes=300 * MB,
    source="IG User Media reference (reference 4.2)",
    media_source="IG User Media reference; reference 4.2; ayrshare.com media-guidelines/instagram",
    rendition="portrait",
    renditions=("portrait", "landscape"),
)

ERRORS: list[ErrorRule] = [
    ErrorRule(RETRY, SRC, subcode="2207001"),
    ErrorRule(RETRY, SRC, subcode="2207003"),
    ErrorRule(RETRY, SRC, subcode="2207032"),
    ErrorRule(RETRY, SRC, subcode="2207020"),  # container expired: prepare makes a new one
    ErrorRule(PERMANENT, SRC, subcode="2207004"),
    ErrorRule(PERMANENT, SRC, subcode="2207005"),
    ErrorRule(PERMANENT, SRC, subcode="2207009"),
    ErrorRule(PERMANENT, SRC, subcode="2207010"),
    ErrorRule(PERMANENT, SRC, subcode="2207028"),
    ErrorRule(PERMANENT, SRC, subcode="2207050"),
    ErrorRule(PERMANENT, SRC, subcode="2207052"),  # the media could not be fetched from its URL
    ErrorRule(QUOTA, SRC, subcode="2207042"),
    ErrorRule(REAUTH, SRC, code="190"),
    *GRAPH_ERRORS,
]

# Scopes it needs to publish (reference 4.2), to show what a connection lacks.
REQUIRED_SCOPES = ("instagram_basic", "instagram_content_publish")
