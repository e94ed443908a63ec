from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.producer_update_kind_type_0 import ProducerUpdateKindType0
from ..models.producer_update_visibility_type_0 import ProducerUpdateVisibilityType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.producer_update_contact_type_0 import ProducerUpdateContactType0
    from ..models.producer_update_name_type_0 import ProducerUpdateNameType0
    from ..models.producer_update_social_type_0 import ProducerUpdateSocialType0
    from ..models.producer_update_story_type_0 import ProducerUpdateStoryType0


T = TypeVar("T", bound="ProducerUpdate")


@_attrs_define
class ProducerUpdate:
    """
    Attributes:
        address (None | str | Unset):
        code (None | str | Unset):
        contact (None | ProducerUpdateContactType0 | Unset):
        kind (None | ProducerUpdateKindType0 | Unset):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        name (None | ProducerUpdateNameType0 | Unset):
        social (None | ProducerUpdateSocialType0 | Unset):
        story (None | ProducerUpdateStoryType0 | Unset):
        visibility (None | ProducerUpdateVisibilityType0 | Unset):
    """

    address: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    contact: None | ProducerUpdateContactType0 | Unset = UNSET
    kind: None | ProducerUpdateKindType0 | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    name: None | ProducerUpdateNameType0 | Unset = UNSET
    social: None | ProducerUpdateSocialType0 | Unset = UNSET
    story: None | ProducerUpdateStoryType0 | Unset = UNSET
    visibility: None | ProducerUpdateVisibilityType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.producer_update_contact_type_0 import ProducerUpdateContactType0
        from ..models.producer_update_name_type_0 import ProducerUpdateNameType0
        from ..models.producer_update_social_type_0 import ProducerUpdateSocialType0
        from ..models.producer_update_story_type_0 import ProducerUpdateStoryType0

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ProducerUpdateContactType0):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ProducerUpdateKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, ProducerUpdateNameType0):
            name = self.name.to_dict()
        else:
            name = self.name

        social: dict[str, Any] | None | Unset
        if isinstance(self.social, Unset):
            social = UNSET
        elif isinstance(self.social, ProducerUpdateSocialType0):
            social = self.social.to_dict()
        else:
            social = self.social

        story: dict[str, Any] | None | Unset
        if isinstance(self.story, Unset):
            story = UNSET
        elif isinstance(self.story, ProducerUpdateStoryType0):
            story = self.story.to_dict()
        else:
            story = self.story

        visibility: None | str | Unset
        if isinstance(self.visibility, Unset):
            visibility = UNSET
        elif isinstance(self.visibility, ProducerUpdateVisibilityType0):
            visibility = self.visibility.value
        else:
            visibility = self.visibility

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if code is not UNSET:
            field_dict["code"] = code
        if contact is not UNSET:
            field_dict["contact"] = contact
        if kind is not UNSET:
            field_dict["kind"] = kind
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if name is not UNSET:
            field_dict["name"] = name
        if social is not UNSET:
            field_dict["social"] = social
        if story is not UNSET:
            field_dict["story"] = story
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.producer_update_contact_type_0 import ProducerUpdateContactType0
        from ..models.producer_update_name_type_0 import ProducerUpdateNameType0
        from ..models.producer_update_social_type_0 import ProducerUpdateSocialType0
        from ..models.producer_update_story_type_0 import ProducerUpdateStoryType0

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_contact(data: object) -> None | ProducerUpdateContactType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ProducerUpdateContactType0.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProducerUpdateContactType0 | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_kind(data: object) -> None | ProducerUpdateKindType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ProducerUpdateKindType0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProducerUpdateKindType0 | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        def _parse_name(data: object) -> None | ProducerUpdateNameType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = ProducerUpdateNameType0.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProducerUpdateNameType0 | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_social(data: object) -> None | ProducerUpdateSocialType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                social_type_0 = ProducerUpdateSocialType0.from_dict(data)

                return social_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProducerUpdateSocialType0 | Unset, data)

        social = _parse_social(d.pop("social", UNSET))

        def _parse_story(data: object) -> None | ProducerUpdateStoryType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                story_type_0 = ProducerUpdateStoryType0.from_dict(data)

                return story_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProducerUpdateStoryType0 | Unset, data)

        story = _parse_story(d.pop("story", UNSET))

        def _parse_visibility(
            data: object,
        ) -> None | ProducerUpdateVisibilityType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visibility_type_0 = ProducerUpdateVisibilityType0(data)

                return visibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProducerUpdateVisibilityType0 | Unset, data)

        visibility = _parse_visibility(d.pop("visibility", UNSET))

        producer_update = cls(
            address=address,
            code=code,
            contact=contact,
            kind=kind,
            latitude=latitude,
            longitude=longitude,
            name=name,
            social=social,
            story=story,
            visibility=visibility,
        )

        producer_update.additional_properties = d
        return producer_update

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
