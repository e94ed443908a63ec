from enum import StrEnum


class ProducerUpdateKindType0(StrEnum):
    FARM = "farm"
    FISHERY = "fishery"
    INN = "inn"
    MAKER = "maker"
    RESTAURANT = "restaurant"
    SHOP = "shop"
    WORKSHOP = "workshop"

    def __str__(self) -> str:
        return str(self.value)
