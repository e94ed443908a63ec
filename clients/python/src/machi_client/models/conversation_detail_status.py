from enum import StrEnum


class ConversationDetailStatus(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
