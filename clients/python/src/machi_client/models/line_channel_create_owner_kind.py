from enum import StrEnum


class LineChannelCreateOwnerKind(StrEnum):
    SHOP = "shop"
    STAFF = "staff"
    TOWN = "town"

    def __str__(self) -> str:
        return str(self.value)
