from enum import StrEnum


class CampaignCreatePlacement(StrEnum):
    CADENCE = "cadence"
    SLOTS = "slots"

    def __str__(self) -> str:
        return str(self.value)
