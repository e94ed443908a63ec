from enum import StrEnum


class WebhookEndpointCreateEventTypesItem(StrEnum):
    CHANNEL_NEEDS_REAUTH = "channel.needs_reauth"
    CONVERSION_RECORDED = "conversion.recorded"
    DELIVERY_FAILED = "delivery.failed"
    DELIVERY_PUBLISHED = "delivery.published"
    POST_APPROVED = "post.approved"
    PRODUCT_PUBLISHED = "product.published"

    def __str__(self) -> str:
        return str(self.value)
