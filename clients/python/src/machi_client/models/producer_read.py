from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.producer_read_contact import ProducerReadContact
    from ..models.producer_read_name import ProducerReadName
    from ..models.producer_read_social import ProducerReadSocial
    from ..models.producer_read_story import ProducerReadStory


T = TypeVar("T", bound="ProducerRead")


@_attrs_define
class ProducerRead:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (str):
        name (ProducerReadName):
        story (ProducerReadStory):
        updated_at (datetime.datetime):
        address (None | str | Unset):
        code (None | str | Unset):
        contact (ProducerReadContact | Unset):
        display_name (None | str | Unset):
        lang (None | str | Unset):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        social (ProducerReadSocial | Unset):
        visibility (str | Unset):  Default: 'public'.
    """

    created_at: datetime.datetime
    id: UUID
    kind: str
    name: ProducerReadName
    story: ProducerReadStory
    updated_at: datetime.datetime
    address: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    contact: ProducerReadContact | Unset = UNSET
    display_name: None | str | Unset = UNSET
    lang: None | str | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    social: ProducerReadSocial | Unset = UNSET
    visibility: str | Unset = "public"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind

        name = self.name.to_dict()

        story = self.story.to_dict()

        updated_at = self.updated_at.isoformat()

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

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

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

        visibility = self.visibility

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "story": story,
                "updated_at": updated_at,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if code is not UNSET:
            field_dict["code"] = code
        if contact is not UNSET:
            field_dict["contact"] = contact
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if lang is not UNSET:
            field_dict["lang"] = lang
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if social is not UNSET:
            field_dict["social"] = social
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.producer_read_contact import ProducerReadContact
        from ..models.producer_read_name import ProducerReadName
        from ..models.producer_read_social import ProducerReadSocial
        from ..models.producer_read_story import ProducerReadStory

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        name = ProducerReadName.from_dict(d.pop("name"))

        story = ProducerReadStory.from_dict(d.pop("story"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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
        contact: ProducerReadContact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = ProducerReadContact.from_dict(_contact)

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("lang", UNSET))

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
        social: ProducerReadSocial | Unset
        if isinstance(_social, Unset):
            social = UNSET
        else:
            social = ProducerReadSocial.from_dict(_social)

        visibility = d.pop("visibility", UNSET)

        producer_read = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            story=story,
            updated_at=updated_at,
            address=address,
            code=code,
            contact=contact,
            display_name=display_name,
            lang=lang,
            latitude=latitude,
            longitude=longitude,
            social=social,
            visibility=visibility,
        )

        producer_read.additional_properties = d
        return producer_read

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
