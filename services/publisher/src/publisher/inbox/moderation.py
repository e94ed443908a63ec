"""Hiding, unhiding and deleting a citizen's comment on the platform, as staff ask.

Each action is one platform call made while the staff member waits, never retried by Machi: an
answer that does not come (a timeout, a 5xx) is reported as unknown, and the comment's state in
Machi is left as it was, so a person checks the platform before asking again. Hiding is the
reversible choice; deleting is not, which is one more reason never to repeat it blindly.

| Platform | Action | Call | Source |
|---|---|---|---|
| Facebook Page | hide / unhide | `POST /{comment-id}` `is_hidden=true|false` | [FB-HIDE] [M-CREF] |
| Facebook Page | delete | `DELETE /{comment-id}` | [M-CREF], (S) [S-PAGESAPI] |
| Instagram | hide / unhide | `POST /{ig-comment-id}` `hide=true|false` | [IG-COMMENT] [IG-MOD] |
| Instagram | delete | `DELETE /{ig-comment-id}` | [IG-MOD] |
| Threads | hide / unhide | `POST /{reply-id}/manage_reply` `hide=true|false` | [TH-HIDE] |

[FB-HIDE] developers.facebook.com/docs/graph-api/changelog/version2.2 ("POST /{comment_id}
?is_hidden=true to hide ... false to unhide"); [IG-COMMENT] developers.facebook.com/
documentation/instagram-platform/instagram-graph-api/reference/ig-comment; the other keys are
reference/inbox-platforms.md section 13. [TH-HIDE] (developers.facebook.com/documentation/
threads/reply-management, updated 13 Feb 2026): top-level replies only, and hiding one hides the
replies nested under it; Threads has no call to delete another's reply.

All need the Page or Instagram token the channel holds (`pages_manage_engagement`,
`instagram_business_manage_comments` / `instagram_manage_comments`). Only comments are moderated:
a private message is not the town's to hide, and LINE has no such call.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from publisher.platforms.base import error_words, json_object
from publisher.platforms.http import HttpClient


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, str]
    edge: str = ""  # after the id: Threads' `/manage_reply`


# (platform, action) -> the Graph call on `/{comment-id}`.
CALLS: dict[tuple[str, str], Call] = {
    ("facebook_page", "hide"): Call("POST", {"is_hidden": "true"}),
    ("facebook_page", "unhide"): Call("POST", {"is_hidden": "false"}),
    ("facebook_page", "delete"): Call("DELETE", {}),
    ("instagram", "hide"): Call("POST", {"hide": "true"}),
    ("instagram", "unhide"): Call("POST", {"hide": "false"}),
    ("instagram", "delete"): Call("DELETE", {}),
    ("threads", "hide"): Call("POST", {"hide": "true"}, "/manage_reply"),
    ("threads", "unhide"): Call("POST", {"hide": "false"}, "/manage_reply"),
}
PLATFORMS = frozenset(platform for platform, _ in CALLS)


@dataclass(frozen=True)
class Outcome:
    done: bool
    known: bool = True  # False: no answer, the platform may or may not have done it
    error: str | None = None


async def call(
    http: HttpClient, base_url: str, platform: str, action: str, comment_id: str, token: str
) -> Outcome:
    """One call to the platform (`base_url`: Graph's or Threads' host); its outcome, never an
    exception."""
    made = CALLS[(platform, action)]
    url = f"{base_url.rstrip('/')}/{comment_id}{made.edge}"
    try:
        if made.method == "DELETE":
            response = await http.request("DELETE", url, params={"access_token": token})
        else:
            response = await http.request("POST", url, data={**made.params, "access_token": token})
    except httpx.HTTPError as exc:
        return Outcome(False, known=False, error=f"no answer ({type(exc).__name__})")
    if response.status_code >= 500:
        return Outcome(False, known=False, error=f"no answer (HTTP {response.status_code})")
    if not response.is_success:
        body = json_object(response)
        error = body.get("error")
        said = error.get("message") if isinstance(error, dict) else None
        return Outcome(False, error=error_words(response, said))
    return Outcome(True)
