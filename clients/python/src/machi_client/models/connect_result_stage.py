from enum import StrEnum


class ConnectResultStage(StrEnum):
    DONE = "done"
    SELECT = "select"

    def __str__(self) -> str:
        return str(self.value)
