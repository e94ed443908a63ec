from enum import StrEnum


class StorefrontCreateKind(StrEnum):
    GENERIC = "generic"
    SHOPIFY = "shopify"
    WOOCOMMERCE = "woocommerce"

    def __str__(self) -> str:
        return str(self.value)
