from enum import StrEnum


class ReportsProductsFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    SVG = "svg"

    def __str__(self) -> str:
        return str(self.value)
