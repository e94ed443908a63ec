from enum import StrEnum


class PostUpdateRenditionsType0AdditionalProperty(StrEnum):
    LANDSCAPE = "landscape"
    ORIGINAL = "original"
    PORTRAIT = "portrait"
    THUMBNAIL = "thumbnail"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
