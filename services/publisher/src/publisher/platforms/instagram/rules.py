"""Instagram's rules as data: caption and media limits, its error map, the scopes it needs.

https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.2).
"""

from __future__ import annotations

from publisher.platforms.base import PERMANENT, QUOTA, REAUTH, RETRY, ErrorRule, Rules, code_points
from publisher.platforms.facebook.rules import ERRORS as GRAPH_ERRORS

SRC = "developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes"

# IG User Media reference: caption 2,200, 30 hashtags, 20 mentions, 1..10 media, 4:5 to 1.91:1.
RULES = Rules(
    max_length=2_200,
    count=code_points,
    max_hashtags=30,
    max_mentions=20,
    min_media=1,
    max_media=10,
    aspect_min=4 / 5,
    aspect_max=1.91,
    source="IG User Media reference (reference 4.2)",
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
    ErrorRule(QUOTA, SRC, subcode="2207042"),
    ErrorRule(REAUTH, SRC, code="190"),
    *GRAPH_ERRORS,
]

# Scopes it needs to publish (reference 4.2), to show what a connection lacks.
REQUIRED_SCOPES = ("instagram_basic", "instagram_content_publish")
