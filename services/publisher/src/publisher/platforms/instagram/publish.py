"""Instagram Graph API content publishing: a photo, a carousel or a Reel through containers
(`publisher.platforms.containers`), then media_publish.

https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.2).
"""

from __future__ import annotations

from publisher.platforms.containers import ContainerAdapter
from publisher.platforms.instagram.rules import ERRORS, RULES


class InstagramAdapter(ContainerAdapter):
    platform = "instagram"
    rules = RULES
    errors = ERRORS
