"""The campaign form as data: the products picked by hand or by rule, the channels, the
template (written, or a stored one), the language, the cadence or each channel's slots; what a
person can get wrong is checked here, the rest by the API."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from starlette.datastructures import FormData

from web.console.schemas import text_field
from web.i18n import LANGUAGES, N_

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _ids(form: FormData, name: str) -> list[str]:
    return [v for v in form.getlist(name) if isinstance(v, str) and v]


@dataclass
class CampaignForm:
    """A new campaign: one product per cadence step, on every chosen channel."""

    name: str = ""
    product_ids: list[str] = field(default_factory=list)
    channel_ids: list[str] = field(default_factory=list)
    template: str = "{name} / {producer} {price}\n{story}"
    language: str = ""
    start_date: str = ""
    time: str = "12:00"
    every_days: str = "1"
    skip_weekends: bool = True
    catch_up: bool = False
    template_id: str = ""  # a stored template, instead of the text
    by_rule: bool = False  # products chosen when each post is made, not picked by hand
    in_season: bool = True
    in_stock: bool = True
    steps: str = ""
    on_slots: bool = False  # each channel's own weekly slots instead of the time of day
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData) -> CampaignForm:
        found = cls(
            name=text_field(form, "name"),
            product_ids=_ids(form, "product_ids"),
            channel_ids=_ids(form, "channel_ids"),
            template=text_field(form, "template"),
            language=text_field(form, "language"),
            start_date=text_field(form, "start_date"),
            time=text_field(form, "time"),
            every_days=text_field(form, "every_days") or "1",
            skip_weekends=form.get("skip_weekends") == "on",
            catch_up=form.get("catch_up") == "on",
            template_id=text_field(form, "template_id"),
            by_rule=form.get("by_rule") == "on",
            in_season=form.get("in_season") == "on",
            in_stock=form.get("in_stock") == "on",
            steps=text_field(form, "steps"),
            on_slots=form.get("on_slots") == "on",
        )
        found.check()
        return found

    def check(self) -> None:
        if not self.name:
            self.errors["name"] = N_("Give the campaign a name.")
        if self.by_rule and self.how_many is None:
            self.errors["steps"] = N_("Say how many posts, from 1 to 500.")
        if not self.by_rule and not self.product_ids:
            self.errors["product_ids"] = N_("Pick at least one product.")
        if not self.channel_ids:
            self.errors["channel_ids"] = N_("Choose at least one channel.")
        if not self.template and not self.template_id:
            self.errors["template"] = N_("Write the text each post starts from.")
        if self.language and self.language not in LANGUAGES:
            self.errors["language"] = N_("Choose a language.")
        if self.first_day is None:
            self.errors["start_date"] = N_("Choose the day of the first post.")
        if not HHMM.match(self.time):
            self.errors["time"] = N_("Choose a time of day, e.g. 12:00.")
        if self.every is None:
            self.errors["every_days"] = N_("A number of days from 1 to 60.")

    @property
    def first_day(self) -> date | None:
        try:
            return date.fromisoformat(self.start_date)
        except ValueError:
            return None

    @property
    def every(self) -> int | None:
        try:
            value = int(self.every_days)
        except ValueError:
            return None
        return value if 1 <= value <= 60 else None

    @property
    def how_many(self) -> int | None:
        try:
            value = int(self.steps)
        except ValueError:
            return None
        return value if 1 <= value <= 500 else None
