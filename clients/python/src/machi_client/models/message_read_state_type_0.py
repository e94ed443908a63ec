from enum import StrEnum


class MessageReadStateType0(StrEnum):
    AWAITING_APPROVAL = "awaiting_approval"
    FAILED = "failed"
    PENDING = "pending"
    REJECTED = "rejected"
    SENDING = "sending"
    SENT = "sent"
    UNCONFIRMED = "unconfirmed"

    def __str__(self) -> str:
        return str(self.value)
