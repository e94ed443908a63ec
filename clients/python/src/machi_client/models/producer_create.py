from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.producer_create_kind import ProducerCreateKind
from ..models.producer_create_visibility import ProducerCreateVisibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.producer_create_contact import ProducerCreateContact
    from ..models.producer_create_name import ProducerCreateName
    from ..models.producer_create_social import ProducerCreateSocial
    from ..models.producer_create_story import ProducerCreateStory


T = TypeVar("T", bound="ProducerCreate")


@_attrs_define
class ProducerCreate:
    """
    Attributes:
        kind (ProducerCreateKind):
        name (ProducerCreateName):
        address (None | str | Unset):
        code (None | str | Unset):
        contact (ProducerCreateContact | Unset):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        social (ProducerCreateSocial | Unset):
        story (ProducerCreateStory | Unset):
        visibility (ProducerCreateVisibility | Unset):  Default: ProducerCreateVisibility.PUBLIC.
    """

    kind: ProducerCreateKind
    name: ProducerCreateName
    address: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    contact: ProducerCreateContact | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    social: ProducerCreateSocial | Unset = UNSET
    story: ProducerCreateStory | Unset = UNSET
    visibility: ProducerCreateVisibility | Unset = ProducerCreateVisibility.PUBLIC
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name.to_dict()

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

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

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

        social: dict[str, Any] | Unset = UNSET
        if not isinstance(self.social, Unset):
            social = self.social.to_dict()

        story: dict[str, Any] | Unset = UNSET
        if not isinstance(self.story, Unset):
            story = self.story.to_dict()

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if code is not UNSET:
            field_dict["code"] = code
        if contact is not UNSET:
            field_dict["contact"] = contact
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if social is not UNSET:
            field_dict["social"] = social
        if story is not UNSET:
            field_dict["story"] = story
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.producer_create_contact import ProducerCreateContact
        from ..models.producer_create_name import ProducerCreateName
        from ..models.producer_create_social import ProducerCreateSocial
        from ..models.producer_create_story import ProducerCreateStory

        d = dict(src_dict)
        kind = ProducerCreateKind(d.pop("kind"))

        name = ProducerCreateName.from_dict(d.pop("name"))

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

        _contact = d.pop("contact", UNSET)
        contact: ProducerCreateContact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = ProducerCreateContact.from_dict(_contact)

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

        _social = d.pop("social", UNSET)
        social: ProducerCreateSocial | Unset
        if isinstance(_social, Unset):
            social = UNSET
        else:
            social = ProducerCreateSocial.from_dict(_social)

        _story = d.pop("story", UNSET)
        story: ProducerCreateStory | Unset
        if isinstance(_story, Unset):
            story = UNSET
        else:
            story = ProducerCreateStory.from_dict(_story)

        _visibility = d.pop("visibility", UNSET)
        visibility: ProducerCreateVisibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = ProducerCreateVisibility(_visibility)

        producer_create = cls(
            kind=kind,
            name=name,
            address=address,
            code=code,
            contact=contact,
            latitude=latitude,
            longitude=longitude,
            social=social,
            story=story,
            visibility=visibility,
        )

        producer_create.additional_properties = d
        return producer_create

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
