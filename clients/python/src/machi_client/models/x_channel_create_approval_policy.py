from enum import StrEnum


class XChannelCreateApprovalPolicy(StrEnum):
    EDITOR = "editor"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
