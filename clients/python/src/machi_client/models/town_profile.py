from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.town_profile_name_type_1 import TownProfileNameType1


T = TypeVar("T", bound="TownProfile")


@_attrs_define
class TownProfile:
    """
    Attributes:
        currency (str):
        locales (list[str]):
        name (str | TownProfileNameType1): The text in the visitor's language; `{}` when there is none.
        population (int | None):
        slug (str):
        social_url (None | str): The town's main social account (its homepage).
        timezone (str):
    """

    currency: str
    locales: list[str]
    name: str | TownProfileNameType1
    population: int | None
    slug: str
    social_url: None | str
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.town_profile_name_type_1 import TownProfileNameType1

        currency = self.currency

        locales = self.locales

        name: dict[str, Any] | str
        if isinstance(self.name, TownProfileNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        population: int | None
        population = self.population

        slug = self.slug

        social_url: None | str
        social_url = self.social_url

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "locales": locales,
                "name": name,
                "population": population,
                "slug": slug,
                "social_url": social_url,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.town_profile_name_type_1 import TownProfileNameType1

        d = dict(src_dict)
        currency = d.pop("currency")

        locales = cast(list[str], d.pop("locales"))

        def _parse_name(data: object) -> str | TownProfileNameType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = TownProfileNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TownProfileNameType1, data)

        name = _parse_name(d.pop("name"))

        def _parse_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population = _parse_population(d.pop("population"))

        slug = d.pop("slug")

        def _parse_social_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        social_url = _parse_social_url(d.pop("social_url"))

        timezone = d.pop("timezone")

        town_profile = cls(
            currency=currency,
            locales=locales,
            name=name,
            population=population,
            slug=slug,
            social_url=social_url,
            timezone=timezone,
        )

        town_profile.additional_properties = d
        return town_profile

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
