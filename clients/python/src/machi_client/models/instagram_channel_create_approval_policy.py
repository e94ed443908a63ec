from enum import StrEnum


class InstagramChannelCreateApprovalPolicy(StrEnum):
    EDITOR = "editor"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
