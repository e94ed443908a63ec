from enum import StrEnum


class ConversionsImportStore(StrEnum):
    CSV = "csv"
    RAKUTEN = "rakuten"
    YAHOO = "yahoo"

    def __str__(self) -> str:
        return str(self.value)
