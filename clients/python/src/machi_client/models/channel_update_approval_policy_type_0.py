from enum import StrEnum


class ChannelUpdateApprovalPolicyType0(StrEnum):
    EDITOR = "editor"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
