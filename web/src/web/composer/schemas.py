"""The composer's form as data: one text, a text per channel where it differs, the channels,
the photo and when; what a person can get wrong is checked here, the platforms' rules by the
API's preview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData

from web.console.schemas import text_field
from web.i18n import N_

ACTIONS = ("submit", "draft", "preview")


@dataclass
class PostForm:
    """The composer: the text, each channel's own text, the channels, the photo and when."""

    product_id: str = ""
    text: str = ""
    variants: dict[str, str] = field(default_factory=dict)  # channel id -> its own text
    channel_ids: list[str] = field(default_factory=list)
    media_id: str = ""  # one of the product's photos, or none
    media_asked: bool = False  # the form had the photo choice (else the product's own is used)
    at: str = ""
    action: str = "submit"
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData) -> PostForm:
        action = text_field(form, "action")
        found = cls(
            product_id=text_field(form, "product_id"),
            text=text_field(form, "text"),
            variants={
                key.removeprefix("text_"): value.strip()
                for key, value in form.multi_items()
                if key.startswith("text_") and isinstance(value, str) and value.strip()
            },
            channel_ids=[v for v in form.getlist("channel_ids") if isinstance(v, str) and v],
            media_id=text_field(form, "media_id"),
            media_asked="media_id" in form,
            at=text_field(form, "at"),
            action=action if action in ACTIONS else "submit",
        )
        found.check()
        return found

    def check(self) -> None:
        if not self.text and not self.variants:
            self.errors["text"] = N_("Write the post's text.")
        if not self.channel_ids:
            self.errors["channel_ids"] = N_("Choose at least one channel.")
        if self.at and self.moment("UTC") is None:
            self.errors["at"] = N_("Choose a date and time.")

    def text_for(self, channel_id: str) -> str:
        """What the channel gets: its own text, else the common one."""
        return self.variants.get(channel_id) or self.text

    def chosen_variants(self) -> dict[str, str]:
        """Each chosen channel's own text where it differs from the common one."""
        return {
            channel: text
            for channel, text in self.variants.items()
            if channel in self.channel_ids and text != self.text
        }

    def moment(self, timezone: str) -> datetime | None:
        """The chosen time (typed in the town's timezone), aware; None when none or invalid."""
        try:
            local = datetime.fromisoformat(self.at)
        except ValueError:
            return None
        return local.replace(tzinfo=ZoneInfo(timezone)) if local.tzinfo is None else local
