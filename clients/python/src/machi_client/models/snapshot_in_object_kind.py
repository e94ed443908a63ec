from enum import StrEnum


class SnapshotInObjectKind(StrEnum):
    ACCOUNT = "account"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
