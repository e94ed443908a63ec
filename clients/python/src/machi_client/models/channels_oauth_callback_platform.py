from enum import StrEnum


class ChannelsOauthCallbackPlatform(StrEnum):
    FACEBOOK_PAGE = "facebook_page"
    INSTAGRAM = "instagram"
    MASTODON = "mastodon"
    THREADS = "threads"
    X = "x"

    def __str__(self) -> str:
        return str(self.value)
