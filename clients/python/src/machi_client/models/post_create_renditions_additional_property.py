from enum import StrEnum


class PostCreateRenditionsAdditionalProperty(StrEnum):
    LANDSCAPE = "landscape"
    ORIGINAL = "original"
    PORTRAIT = "portrait"
    THUMBNAIL = "thumbnail"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
