from enum import StrEnum


class SettingsWebhooksSetStore(StrEnum):
    POSTBACK = "postback"
    SHOPIFY = "shopify"
    WOOCOMMERCE = "woocommerce"

    def __str__(self) -> str:
        return str(self.value)
