from enum import StrEnum


class SnapshotReadObjectKind(StrEnum):
    ACCOUNT = "account"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
