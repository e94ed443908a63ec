from enum import StrEnum


class RulesOrder(StrEnum):
    LEAST_RECENTLY_FEATURED = "least_recently_featured"
    NEWEST = "newest"

    def __str__(self) -> str:
        return str(self.value)
