from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.public_media import PublicMedia
    from ..models.public_place_description_type_1 import PublicPlaceDescriptionType1
    from ..models.public_place_name_type_1 import PublicPlaceNameType1


T = TypeVar("T", bound="PublicPlace")


@_attrs_define
class PublicPlace:
    """
    Attributes:
        address (None | str):
        description (PublicPlaceDescriptionType1 | str): The text in the visitor's language; `{}` when there is none.
        id (UUID):
        kind (str):
        latitude (float | None):
        longitude (float | None):
        name (PublicPlaceNameType1 | str): The text in the visitor's language; `{}` when there is none.
        slug (str):
        media (list[PublicMedia] | Unset):
    """

    address: None | str
    description: PublicPlaceDescriptionType1 | str
    id: UUID
    kind: str
    latitude: float | None
    longitude: float | None
    name: PublicPlaceNameType1 | str
    slug: str
    media: list[PublicMedia] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_place_description_type_1 import PublicPlaceDescriptionType1
        from ..models.public_place_name_type_1 import PublicPlaceNameType1

        address: None | str
        address = self.address

        description: dict[str, Any] | str
        if isinstance(self.description, PublicPlaceDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        id = str(self.id)

        kind = self.kind

        latitude: float | None
        latitude = self.latitude

        longitude: float | None
        longitude = self.longitude

        name: dict[str, Any] | str
        if isinstance(self.name, PublicPlaceNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        slug = self.slug

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "description": description,
                "id": id,
                "kind": kind,
                "latitude": latitude,
                "longitude": longitude,
                "name": name,
                "slug": slug,
            }
        )
        if media is not UNSET:
            field_dict["media"] = media

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.public_media import PublicMedia
        from ..models.public_place_description_type_1 import PublicPlaceDescriptionType1
        from ..models.public_place_name_type_1 import PublicPlaceNameType1

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_description(data: object) -> PublicPlaceDescriptionType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = PublicPlaceDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicPlaceDescriptionType1 | str, data)

        description = _parse_description(d.pop("description"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_latitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latitude = _parse_latitude(d.pop("latitude"))

        def _parse_longitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longitude = _parse_longitude(d.pop("longitude"))

        def _parse_name(data: object) -> PublicPlaceNameType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = PublicPlaceNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicPlaceNameType1 | str, data)

        name = _parse_name(d.pop("name"))

        slug = d.pop("slug")

        _media = d.pop("media", UNSET)
        media: list[PublicMedia] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = PublicMedia.from_dict(media_item_data)

                media.append(media_item)

        public_place = cls(
            address=address,
            description=description,
            id=id,
            kind=kind,
            latitude=latitude,
            longitude=longitude,
            name=name,
            slug=slug,
            media=media,
        )

        public_place.additional_properties = d
        return public_place

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
