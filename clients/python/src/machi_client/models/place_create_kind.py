from enum import StrEnum


class PlaceCreateKind(StrEnum):
    CASTLE = "castle"
    FESTIVAL = "festival"
    LIBRARY = "library"
    MUSEUM = "museum"
    ONSEN = "onsen"
    OTHER = "other"
    PARK = "park"
    SHRINE = "shrine"
    TEMPLE = "temple"
    VIEW = "view"

    def __str__(self) -> str:
        return str(self.value)
