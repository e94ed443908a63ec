from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MastodonConfig")


@_attrs_define
class MastodonConfig:
    """
    Attributes:
        instance_url (str): The instance the account lives on: `https://mastodon.social` or a bare host.
        characters_reserved_per_url (int | None | Unset): What a link counts for on the instance; unset: 23.
        max_characters (int | None | Unset): The instance's post length; unset: 500.
    """

    instance_url: str
    characters_reserved_per_url: int | None | Unset = UNSET
    max_characters: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instance_url = self.instance_url

        characters_reserved_per_url: int | None | Unset
        if isinstance(self.characters_reserved_per_url, Unset):
            characters_reserved_per_url = UNSET
        else:
            characters_reserved_per_url = self.characters_reserved_per_url

        max_characters: int | None | Unset
        if isinstance(self.max_characters, Unset):
            max_characters = UNSET
        else:
            max_characters = self.max_characters

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instance_url": instance_url,
            }
        )
        if characters_reserved_per_url is not UNSET:
            field_dict["characters_reserved_per_url"] = characters_reserved_per_url
        if max_characters is not UNSET:
            field_dict["max_characters"] = max_characters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        instance_url = d.pop("instance_url")

        def _parse_characters_reserved_per_url(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        characters_reserved_per_url = _parse_characters_reserved_per_url(
            d.pop("characters_reserved_per_url", UNSET)
        )

        def _parse_max_characters(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_characters = _parse_max_characters(d.pop("max_characters", UNSET))

        mastodon_config = cls(
            instance_url=instance_url,
            characters_reserved_per_url=characters_reserved_per_url,
            max_characters=max_characters,
        )

        mastodon_config.additional_properties = d
        return mastodon_config

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
