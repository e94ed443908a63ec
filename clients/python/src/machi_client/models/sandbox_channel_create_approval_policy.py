from enum import StrEnum


class SandboxChannelCreateApprovalPolicy(StrEnum):
    EDITOR = "editor"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
