from enum import StrEnum


class MessageReadViaType0(StrEnum):
    COMMENT = "comment"
    MENTION = "mention"
    MESSAGE = "message"
    PUSH = "push"
    REPLY = "reply"

    def __str__(self) -> str:
        return str(self.value)
