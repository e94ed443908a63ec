from enum import StrEnum


class SnapshotInOwnerKind(StrEnum):
    SHOP = "shop"
    STAFF = "staff"
    TOWN = "town"

    def __str__(self) -> str:
        return str(self.value)
