from enum import StrEnum


class MessageReadStateType0(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNCONFIRMED = "unconfirmed"

    def __str__(self) -> str:
        return str(self.value)
