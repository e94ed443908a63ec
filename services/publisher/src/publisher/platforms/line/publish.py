"""LINE Messaging API broadcast, with `X-Line-Retry-Key` on every send: the text, then the
post's photos as image messages, or its product as a Flex message card.

https://developers.line.biz/en/reference/messaging-api/ ;
https://developers.line.biz/en/docs/messaging-api/retrying-api-request (reference 4.5).
"""

from __future__ import annotations

from typing import Any

import httpx

from publisher.platforms import media
from publisher.platforms.base import (
    Adapter,
    MediaItem,
    PlatformError,
    ProductCard,
    Published,
    PublishRequest,
    error_words,
    json_object,
)
from publisher.platforms.line.rules import ERRORS, MAX_MESSAGES, RULES

# The card's button, in the post's language.
BUY = {"ja": "購入する", "ko": "구매하기", "en": "Buy"}
ALT_MAX = 400  # a Flex message's altText (messaging-api #flex-message)


def image_message(item: MediaItem) -> dict[str, str]:
    """An image message: the photo as sent, and the catalog's thumbnail as its preview (LINE
    wants a preview of at most 1 MB; the thumbnail is 320 px)."""
    return {
        "type": "image",
        "originalContentUrl": item.url,
        "previewImageUrl": media.rendition(item.url, "thumbnail"),
    }


def flex_card(card: ProductCard) -> dict[str, Any]:
    """The product as a Flex bubble: its photo, name, price and a buy button on the tracked
    link (developers.line.biz/en/reference/messaging-api/#flex-message: bubble hero, body,
    footer; a button's `uri` action)."""
    bubble: dict[str, Any] = {
        "type": "bubble",
        "body": {
            "type": "box",
            "layout": "vertical",
            "contents": [
                {"type": "text", "text": card.name, "weight": "bold", "size": "xl", "wrap": True},
                {"type": "text", "text": card.price, "size": "md", "color": "#555555"},
            ],
        },
    }
    if card.image_url:
        bubble["hero"] = {
            "type": "image",
            "url": card.image_url,
            "size": "full",
            "aspectRatio": "20:13",
            "aspectMode": "cover",
        }
    if card.link:
        action = {"type": "uri", "label": BUY.get(card.language, BUY["en"]), "uri": card.link}
        button = {"type": "button", "style": "primary", "action": action}
        bubble["footer"] = {"type": "box", "layout": "vertical", "contents": [button]}
    alt = f"{card.name} {card.price}".strip()[:ALT_MAX]
    return {"type": "flex", "altText": alt, "contents": bubble}


def messages(request: PublishRequest) -> list[dict[str, Any]]:
    """The text, then the card (its photo the first one) or the photos, at most five in all."""
    made: list[dict[str, Any]] = [{"type": "text", "text": request.text}]
    photos = [m for m in request.media if m.kind == media.IMAGE]
    if request.card is not None:
        made.append(flex_card(request.card))
        photos = photos[1:]
    made.extend(image_message(item) for item in photos)
    return made[:MAX_MESSAGES]


class LineAdapter(Adapter):
    platform = "line"
    rules = RULES
    errors = ERRORS
    idempotent_commit = True  # a repeat with the same key answers 409: already accepted

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        body = json_object(response)
        listed = body.get("details")
        details = listed if isinstance(listed, list) else []
        said = "; ".join(
            f"{d.get('property', '')}: {d.get('message', '')}"
            for d in details
            if isinstance(d, dict)
        )
        words = f"{body.get('message')} ({said})" if said and body.get("message") else None
        message = error_words(response, words or body.get("message"))
        return response.headers.get("x-line-accepted-request-id"), None, message

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        return dict(request.prepared)  # nothing to upload: LINE reads the photos' URLs

    async def commit(self, request: PublishRequest) -> Published:
        headers = {
            "Authorization": f"Bearer {request.credentials.get('access_token', '')}",
            "X-Line-Retry-Key": request.idempotency_key,
        }
        try:
            response = await self.call(
                request,
                "POST",
                "/v2/bot/message/broadcast",
                phase="commit",
                json={"messages": messages(request)},
                headers=headers,
            )
        except PlatformError as exc:
            if exc.http_status != 409:  # 409: this retry key was accepted before = delivered
                raise
            return Published(exc.code or request.idempotency_key)
        return Published(response.headers.get("x-line-request-id", request.idempotency_key))
