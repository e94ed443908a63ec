from enum import StrEnum


class ProducerCreateKind(StrEnum):
    FARM = "farm"
    FISHERY = "fishery"
    INN = "inn"
    MAKER = "maker"
    RESTAURANT = "restaurant"
    SHOP = "shop"
    WORKSHOP = "workshop"

    def __str__(self) -> str:
        return str(self.value)
