from enum import StrEnum


class ChannelKindPlatform(StrEnum):
    FACEBOOK_PAGE = "facebook_page"
    INSTAGRAM = "instagram"
    LINE = "line"
    MASTODON = "mastodon"
    SANDBOX = "sandbox"
    THREADS = "threads"
    X = "x"

    def __str__(self) -> str:
        return str(self.value)
