"""Facebook Pages' rules as data: content limits, the Graph API error map, the scopes it needs.

Errors: https://developers.facebook.com/docs/graph-api/guides/error-handling (reference 4.1).
"""

from __future__ import annotations

from publisher.platforms.base import PERMANENT, QUOTA, REAUTH, RETRY, ErrorRule, Rules, code_points

SRC = "developers.facebook.com/docs/graph-api/guides/error-handling"

# Postiz caps Facebook text at 63,206 characters (reference section 1, per-platform validation).
# Media: one photo posts through /{page}/photos, up to 10 as unpublished photos attached to a
# feed post (Postiz, Mixpost; developers.facebook.com/docs/pages-api/posts); a video posts
# alone through /{page}/videos (reference 4.1).
# Photos at most 10 MB (Page Photos reference), a video through the resumable upload at most
# 10 GB (developers.facebook.com/docs/video-api/guides/publishing). The photo sent is the
# catalog's original unless the writer picks another (the 1.91:1 landscape crop fills a feed
# link card's shape).
RULES = Rules(
    max_length=63_206,
    count=code_points,
    max_media=10,
    max_videos=1,
    mix_media=False,
    image_max_bytes=10 * 1024 * 1024,
    video_max_bytes=10 * 1024 * 1024 * 1024,
    source="postiz / reference 1",
    media_source="developers.facebook.com/docs/pages-api/posts; reference 4.1",
)

# The Graph API's map, shared by Instagram and Threads (`publisher.platforms.meta`).
ERRORS: list[ErrorRule] = [
    ErrorRule(RETRY, SRC, code="1"),
    ErrorRule(RETRY, SRC, code="2"),
    ErrorRule(RETRY, SRC, code="4"),  # app too many calls
    ErrorRule(RETRY, SRC, code="17"),  # user too many calls
    ErrorRule(RETRY, "mixpost rate-limit codes", code="32"),
    ErrorRule(RETRY, SRC, code="341"),
    ErrorRule(RETRY, SRC, code="368"),
    ErrorRule(RETRY, "mixpost rate-limit codes", code="613"),
    ErrorRule(RETRY, "postiz facebook.provider.ts", subcode="1390008"),  # posting too fast
    ErrorRule(REAUTH, "postiz facebook.provider.ts", subcode="1404078"),  # PPA needed
    ErrorRule(REAUTH, SRC, code="190"),  # token expired or invalid (458-467)
    ErrorRule(PERMANENT, SRC, code="506"),  # duplicate post
    ErrorRule(PERMANENT, "postiz facebook.provider.ts", subcode="1366051"),
    ErrorRule(PERMANENT, SRC, code="1609005"),
    ErrorRule(PERMANENT, SRC, code="10"),
    ErrorRule(PERMANENT, SRC, code="3"),
    ErrorRule(QUOTA, "instagram error codes", subcode="2207042"),
]

# Scopes it needs to publish (reference 4.1), to show what a connection lacks.
REQUIRED_SCOPES = ("pages_manage_posts", "pages_read_engagement")
