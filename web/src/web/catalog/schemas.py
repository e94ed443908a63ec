"""The catalog's forms as data (producers, places, categories): read from the submitted form,
checked for what a person can get wrong before anything is sent; the API checks everything
again and its 422s are shown too. `body()` is what the API is sent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from machi_client.models import PlaceRead, ProducerRead
from machi_client.types import Unset
from web.console.schemas import SLUG, text_field
from web.i18n import LANGUAGES, N_

# The API's choices (openapi.json: ProducerCreate.kind, PlaceCreate.kind, OpeningHours.day),
# each with the words a page shows for it.
PRODUCER_KINDS = {
    "farm": N_("Farm"),
    "fishery": N_("Fishery"),
    "maker": N_("Maker"),
    "shop": N_("Shop"),
    "inn": N_("Inn"),
    "restaurant": N_("Restaurant"),
    "workshop": N_("Workshop"),
}
VISIBILITIES = {
    "public": N_("On the city page"),
    "only_through_links": N_("Only through links"),
    "hidden": N_("Hidden"),
}
PLACE_KINDS = {
    "onsen": N_("Hot spring"),
    "library": N_("Library"),
    "shrine": N_("Shrine"),
    "temple": N_("Temple"),
    "festival": N_("Festival"),
    "park": N_("Park"),
    "museum": N_("Museum"),
    "castle": N_("Castle"),
    "view": N_("View"),
    "other": N_("Other"),
}
DAYS = {
    "mon": N_("Monday"),
    "tue": N_("Tuesday"),
    "wed": N_("Wednesday"),
    "thu": N_("Thursday"),
    "fri": N_("Friday"),
    "sat": N_("Saturday"),
    "sun": N_("Sunday"),
    "holiday": N_("Holidays"),
}
TIME = re.compile(r"^([01]\d|2[0-4]):[0-5]\d$")
BLANK_HOURS = 3  # empty rows the place form offers for more opening periods
CODE = re.compile(r"^[A-Za-z0-9._\-]{1,64}$")


def translations(form: FormData, prefix: str) -> dict[str, str]:
    """`<prefix>_ja`, `<prefix>_ko`, ... as {language: text}."""
    return {lang: text_field(form, f"{prefix}_{lang}") for lang in LANGUAGES}


def filled(values: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in values.items() if value}


def coordinate(value: str, limit: float) -> float | None:
    """A latitude or longitude as typed (`33.19`), None when empty; ValueError when wrong."""
    if not value:
        return None
    number = float(value.replace(",", "."))
    if not -limit <= number <= limit:
        raise ValueError(value)
    return number


@dataclass
class Location:
    """Address and map position, shared by producers and places."""

    address: str = ""
    latitude: str = ""
    longitude: str = ""

    @classmethod
    def read(cls, form: FormData) -> Location:
        return cls(
            text_field(form, "address"), text_field(form, "latitude"), text_field(form, "longitude")
        )

    def check(self, errors: dict[str, str]) -> None:
        try:
            coordinate(self.latitude, 90)
            coordinate(self.longitude, 180)
        except ValueError:
            errors["location"] = N_(
                "Latitude is a number from -90 to 90 and longitude from -180 to 180,"
                " e.g. 33.1937 and 130.0186."
            )
        if bool(self.latitude) != bool(self.longitude):
            errors["location"] = N_("Give both the latitude and the longitude, or neither.")

    def fields(self) -> dict[str, Any]:
        return {
            "address": self.address or None,
            "latitude": coordinate(self.latitude, 90),
            "longitude": coordinate(self.longitude, 180),
        }

    def map_url(self) -> str | None:
        """The position on OpenStreetMap, for a "map" link."""
        if not (self.latitude and self.longitude):
            return None
        at = f"{self.latitude}/{self.longitude}"
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{at}"
        )


def shown(value: object) -> str:
    """A coordinate from the API as the form shows it (none: empty)."""
    return str(value) if isinstance(value, int | float) else ""


def optional(value: object) -> str:
    return value if isinstance(value, str) else ""


def contact_of(producer: ProducerRead) -> dict[str, str]:
    """The producer's contact details (phone, email, ...)."""
    if isinstance(producer.contact, Unset):
        return {}
    return dict(producer.contact.additional_properties)


@dataclass
class ProducerForm:
    """A producer's profile: names and story side by side in each language."""

    kind: str = "farm"
    names: dict[str, str] = field(default_factory=dict)
    stories: dict[str, str] = field(default_factory=dict)
    code: str = ""
    location: Location = field(default_factory=Location)
    phone: str = ""
    email: str = ""
    visibility: str = "public"
    version: str = ""  # the ETag the form was filled from
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData) -> ProducerForm:
        found = cls(
            kind=text_field(form, "kind"),
            names=translations(form, "name"),
            stories=translations(form, "story"),
            code=text_field(form, "code"),
            location=Location.read(form),
            phone=text_field(form, "phone"),
            email=text_field(form, "email"),
            visibility=text_field(form, "visibility") or "public",
            version=text_field(form, "version"),
        )
        if found.kind not in PRODUCER_KINDS:
            found.errors["kind"] = N_("Choose what kind of producer this is.")
        if not any(found.names.values()):
            found.errors["name"] = N_("Give a name in at least one language.")
        if found.code and not CODE.match(found.code):
            found.errors["code"] = N_("Letters, digits, dots, hyphens and underscores only.")
        if found.visibility not in VISIBILITIES:
            found.visibility = "public"
        found.location.check(found.errors)
        return found

    @classmethod
    def of(cls, producer: ProducerRead, version: str) -> ProducerForm:
        """The form filled from the API's producer."""
        contact = contact_of(producer)
        return cls(
            kind=producer.kind,
            names=dict(producer.name.additional_properties),
            stories=dict(producer.story.additional_properties),
            code=optional(producer.code),
            location=Location(
                optional(producer.address), shown(producer.latitude), shown(producer.longitude)
            ),
            phone=contact.get("phone", ""),
            email=contact.get("email", ""),
            visibility=optional(producer.visibility) or "public",
            version=version,
        )

    def body(self, contact: dict[str, str] | None = None) -> dict[str, Any]:
        """The API's ProducerCreate / ProducerUpdate; `contact` holds the details the form does
        not show, kept as they were."""
        kept = dict(contact or {})
        for key, value in (("phone", self.phone), ("email", self.email)):
            if value:
                kept[key] = value
            else:
                kept.pop(key, None)
        return {
            "kind": self.kind,
            "name": filled(self.names),
            "story": filled(self.stories),
            "code": self.code or None,
            "contact": kept,
            "visibility": self.visibility,
            **self.location.fields(),
        }


@dataclass
class Hours:
    """One opening period as the form shows it."""

    day: str = ""
    opens: str = ""
    closes: str = ""


@dataclass
class PlaceForm:
    """A tourist place: names and descriptions in each language, where it is, when it opens."""

    slug: str = ""
    kind: str = "other"
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    hours: list[Hours] = field(default_factory=list)
    version: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData, *, creating: bool) -> PlaceForm:
        days, opens, closes = (
            [v.strip() if isinstance(v, str) else "" for v in form.getlist(name)]
            for name in ("hours_day", "hours_opens", "hours_closes")
        )
        found = cls(
            slug=text_field(form, "slug"),
            kind=text_field(form, "kind"),
            names=translations(form, "name"),
            descriptions=translations(form, "description"),
            location=Location.read(form),
            hours=[
                Hours(d, o, c) for d, o, c in zip(days, opens, closes, strict=False) if d or o or c
            ],
            version=text_field(form, "version"),
        )
        if creating and not SLUG.match(found.slug):
            found.errors["slug"] = N_("Lowercase letters, digits and hyphens, e.g. takeo-onsen.")
        if found.kind not in PLACE_KINDS:
            found.errors["kind"] = N_("Choose what kind of place this is.")
        if not any(found.names.values()):
            found.errors["name"] = N_("Give a name in at least one language.")
        for period in found.hours:
            times = TIME.match(period.opens) and TIME.match(period.closes)
            if period.day not in DAYS or not times:
                found.errors["hours"] = N_(
                    "Each opening period needs a day, an opening and a closing time, e.g. 09:00."
                )
        found.location.check(found.errors)
        return found

    @classmethod
    def of(cls, place: PlaceRead, version: str) -> PlaceForm:
        """The form filled from the API's place."""
        return cls(
            slug=place.slug,
            kind=place.kind,
            names=dict(place.name.additional_properties),
            descriptions=dict(place.description.additional_properties),
            location=Location(
                optional(place.address), shown(place.latitude), shown(place.longitude)
            ),
            hours=[Hours(str(h.day), h.opens, h.closes) for h in place.opening_hours],
            version=version,
        )

    def rows(self) -> list[Hours]:
        """The periods the form shows: the place's, then a few empty ones to add more."""
        return [*self.hours, *(Hours() for _ in range(BLANK_HOURS))]

    def body(self, *, creating: bool) -> dict[str, Any]:
        """The API's PlaceCreate / PlaceUpdate."""
        found = {
            "kind": self.kind,
            "name": filled(self.names),
            "description": filled(self.descriptions),
            "opening_hours": [
                {"day": h.day, "opens": h.opens, "closes": h.closes} for h in self.hours
            ],
            **self.location.fields(),
        }
        return {"slug": self.slug, **found} if creating else found


@dataclass
class CategoryForm:
    """A category: its address name (slug, fixed once made) and its name in each language."""

    slug: str = ""
    names: dict[str, str] = field(default_factory=dict)
    parent_id: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: FormData, *, creating: bool) -> CategoryForm:
        found = cls(
            slug=text_field(form, "slug"),
            names=translations(form, "name"),
            parent_id=text_field(form, "parent_id"),
        )
        if creating and not SLUG.match(found.slug):
            found.errors["slug"] = N_("Lowercase letters, digits and hyphens, e.g. sweets.")
        if not any(found.names.values()):
            found.errors["name"] = N_("Give a name in at least one language.")
        return found
