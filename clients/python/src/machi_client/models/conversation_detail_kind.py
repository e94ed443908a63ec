from enum import StrEnum


class ConversationDetailKind(StrEnum):
    COMMENT = "comment"
    MESSAGE = "message"

    def __str__(self) -> str:
        return str(self.value)
