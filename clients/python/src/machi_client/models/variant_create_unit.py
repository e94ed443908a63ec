from enum import StrEnum


class VariantCreateUnit(StrEnum):
    G = "g"
    KG = "kg"
    L = "l"
    ML = "ml"
    PIECE = "piece"
    SET = "set"

    def __str__(self) -> str:
        return str(self.value)
