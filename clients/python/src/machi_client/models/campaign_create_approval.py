from enum import StrEnum


class CampaignCreateApproval(StrEnum):
    CAMPAIGN = "campaign"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
