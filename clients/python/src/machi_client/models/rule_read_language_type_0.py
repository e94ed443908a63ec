from enum import StrEnum


class RuleReadLanguageType0(StrEnum):
    EN = "en"
    JA = "ja"
    KO = "ko"

    def __str__(self) -> str:
        return str(self.value)
