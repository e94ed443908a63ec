"""Why a delivery failed, in plain words: the platform's error code (as the delivery's attempts
record it) mapped to a sentence a staff member can act on, else its error class.

Platform rules as data: one row per code, each citing where the code is documented (the same
sources as the publisher's own error tables, reference/social-publishing.md section 4).
"""

from __future__ import annotations

from dataclasses import dataclass

from web.i18n import N_

META = ("facebook_page", "instagram", "threads")
STATUS_CODED = ("x", "mastodon", "line")

ACCESS_LOST = N_(
    "Machi's access to the account stopped working (the password was changed, access was"
    " removed, or the permission ran out): reconnect the channel."
)
TOO_OFTEN = N_("The platform was asked too often and asked Machi to wait.")
PLATFORM_DOWN = N_("The platform had a problem of its own and did not take the post.")
DUPLICATE = N_("The platform refused the post because the same text was posted before.")
NOT_ALLOWED = N_("The account is not allowed to post this (check its role or its settings).")
CONTENT_REFUSED = N_(
    "The platform did not accept the post's content (too long, or a photo it cannot use)."
)
LIMIT_REACHED = N_("The account reached the platform's posting limit for now.")
PHOTO_REFUSED = N_("The platform could not use the photo (its size, format or shape).")
SPAM_BLOCK = N_("The platform blocked posting for a while because it looked like spam.")


@dataclass(frozen=True)
class Row:
    """A platform error as the attempt records it: Graph API `code`/`subcode`, or the HTTP
    status of the platforms whose errors are told by status."""

    platforms: tuple[str, ...]
    words: str
    source: str
    code: str | None = None
    subcode: str | None = None
    status: int | None = None


GRAPH = "developers.facebook.com/docs/graph-api/guides/error-handling"
IG = "developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes"
X = "docs.x.com/x-api/fundamentals/response-codes-and-errors"
MASTODON = "docs.joinmastodon.org/methods/statuses, api/rate-limits"
LINE = "developers.line.biz/en/reference/messaging-api/#status-codes"

ROWS: tuple[Row, ...] = (
    Row(META, ACCESS_LOST, GRAPH, code="190"),
    Row(META, ACCESS_LOST, "postiz facebook.provider.ts", subcode="1404078"),
    Row(META, DUPLICATE, GRAPH, code="506"),
    Row(META, SPAM_BLOCK, GRAPH, code="368"),
    Row(META, NOT_ALLOWED, GRAPH, code="10"),
    Row(META, NOT_ALLOWED, GRAPH, code="3"),
    Row(META, TOO_OFTEN, GRAPH, code="4"),
    Row(META, TOO_OFTEN, GRAPH, code="17"),
    Row(META, TOO_OFTEN, GRAPH, code="32"),
    Row(META, TOO_OFTEN, GRAPH, code="613"),
    Row(META, TOO_OFTEN, "postiz facebook.provider.ts", subcode="1390008"),
    Row(META, PLATFORM_DOWN, GRAPH, code="1"),
    Row(META, PLATFORM_DOWN, GRAPH, code="2"),
    Row(META, LIMIT_REACHED, IG, subcode="2207042"),
    Row(META, PHOTO_REFUSED, IG, subcode="2207004"),
    Row(META, PHOTO_REFUSED, IG, subcode="2207005"),
    Row(META, PHOTO_REFUSED, IG, subcode="2207009"),
    Row(META, PHOTO_REFUSED, IG, subcode="2207010"),
    Row(STATUS_CODED, ACCESS_LOST, f"{X}; {MASTODON}; {LINE}", status=401),
    Row(("x",), DUPLICATE, X, status=403),
    Row(("mastodon", "line"), NOT_ALLOWED, f"{MASTODON}; {LINE}", status=403),
    Row(STATUS_CODED, CONTENT_REFUSED, f"{X}; {LINE}", status=400),
    Row(("mastodon",), CONTENT_REFUSED, MASTODON, status=422),
    Row(STATUS_CODED, TOO_OFTEN, f"{X}; {MASTODON}; {LINE}", status=429),
    *(Row(STATUS_CODED, PLATFORM_DOWN, X, status=s) for s in (500, 502, 503, 504)),
)

# The publisher's error classes, when no code says more.
CATEGORIES = {
    "reauth": ACCESS_LOST,
    "retry": N_("The platform did not answer, again and again; Machi stopped trying."),
    "permanent": N_("The platform refused this post."),
    "quota": LIMIT_REACHED,
}


def words(
    platform: str,
    category: str | None,
    code: str | None = None,
    subcode: str | None = None,
    status: int | None = None,
) -> str:
    """The sentence for a failure: a row of its subcode first, then of its code or status,
    then its class."""
    rows = [r for r in ROWS if platform in r.platforms]
    for row in rows:
        if row.subcode is not None and row.subcode == subcode:
            return row.words
    for row in rows:
        if row.subcode is None and (
            (row.code is not None and row.code == code)
            or (row.status is not None and row.status == status)
        ):
            return row.words
    return CATEGORIES.get(category or "", N_("The post could not be published."))
