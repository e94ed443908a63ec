from enum import StrEnum


class MessageReadDirection(StrEnum):
    IN = "in"
    NOTE = "note"
    OUT = "out"

    def __str__(self) -> str:
        return str(self.value)
