from enum import StrEnum


class ProducerCreateVisibility(StrEnum):
    HIDDEN = "hidden"
    ONLY_THROUGH_LINKS = "only_through_links"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
