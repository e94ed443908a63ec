"""Instagram Graph API content publishing: container, status, media_publish.

https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.2).
"""

from __future__ import annotations

from publisher.platforms.instagram.rules import ERRORS, RULES
from publisher.platforms.meta import ContainerAdapter


class InstagramAdapter(ContainerAdapter):
    platform = "instagram"
    rules = RULES
    errors = ERRORS
