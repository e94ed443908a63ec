from enum import StrEnum


class ReportsInboxAgesFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    SVG = "svg"

    def __str__(self) -> str:
        return str(self.value)
