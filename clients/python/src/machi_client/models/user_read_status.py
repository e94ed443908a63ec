from enum import StrEnum


class UserReadStatus(StrEnum):
    ACTIVE = "active"
    DEACTIVATED = "deactivated"
    DELETED = "deleted"

    def __str__(self) -> str:
        return str(self.value)
