from enum import StrEnum


class MeReadKind(StrEnum):
    KEY = "key"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
