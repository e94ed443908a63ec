from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.place_update_kind_type_0 import PlaceUpdateKindType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment import MediaAttachment
    from ..models.opening_hours import OpeningHours
    from ..models.place_update_description_type_0 import PlaceUpdateDescriptionType0
    from ..models.place_update_name_type_0 import PlaceUpdateNameType0


T = TypeVar("T", bound="PlaceUpdate")


@_attrs_define
class PlaceUpdate:
    """
    Attributes:
        address (None | str | Unset):
        description (None | PlaceUpdateDescriptionType0 | Unset):
        kind (None | PlaceUpdateKindType0 | Unset):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        media (list[MediaAttachment] | None | Unset):
        name (None | PlaceUpdateNameType0 | Unset):
        opening_hours (list[OpeningHours] | None | Unset):
        related_product_ids (list[UUID] | None | Unset):
    """

    address: None | str | Unset = UNSET
    description: None | PlaceUpdateDescriptionType0 | Unset = UNSET
    kind: None | PlaceUpdateKindType0 | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    media: list[MediaAttachment] | None | Unset = UNSET
    name: None | PlaceUpdateNameType0 | Unset = UNSET
    opening_hours: list[OpeningHours] | None | Unset = UNSET
    related_product_ids: list[UUID] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.place_update_description_type_0 import PlaceUpdateDescriptionType0
        from ..models.place_update_name_type_0 import PlaceUpdateNameType0

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, PlaceUpdateDescriptionType0):
            description = self.description.to_dict()
        else:
            description = self.description

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, PlaceUpdateKindType0):
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

        media: list[dict[str, Any]] | None | Unset
        if isinstance(self.media, Unset):
            media = UNSET
        elif isinstance(self.media, list):
            media = []
            for media_type_0_item_data in self.media:
                media_type_0_item = media_type_0_item_data.to_dict()
                media.append(media_type_0_item)

        else:
            media = self.media

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, PlaceUpdateNameType0):
            name = self.name.to_dict()
        else:
            name = self.name

        opening_hours: list[dict[str, Any]] | None | Unset
        if isinstance(self.opening_hours, Unset):
            opening_hours = UNSET
        elif isinstance(self.opening_hours, list):
            opening_hours = []
            for opening_hours_type_0_item_data in self.opening_hours:
                opening_hours_type_0_item = opening_hours_type_0_item_data.to_dict()
                opening_hours.append(opening_hours_type_0_item)

        else:
            opening_hours = self.opening_hours

        related_product_ids: list[str] | None | Unset
        if isinstance(self.related_product_ids, Unset):
            related_product_ids = UNSET
        elif isinstance(self.related_product_ids, list):
            related_product_ids = []
            for related_product_ids_type_0_item_data in self.related_product_ids:
                related_product_ids_type_0_item = str(
                    related_product_ids_type_0_item_data
                )
                related_product_ids.append(related_product_ids_type_0_item)

        else:
            related_product_ids = self.related_product_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if media is not UNSET:
            field_dict["media"] = media
        if name is not UNSET:
            field_dict["name"] = name
        if opening_hours is not UNSET:
            field_dict["opening_hours"] = opening_hours
        if related_product_ids is not UNSET:
            field_dict["related_product_ids"] = related_product_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment import MediaAttachment
        from ..models.opening_hours import OpeningHours
        from ..models.place_update_description_type_0 import PlaceUpdateDescriptionType0
        from ..models.place_update_name_type_0 import PlaceUpdateNameType0

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_description(
            data: object,
        ) -> None | PlaceUpdateDescriptionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = PlaceUpdateDescriptionType0.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceUpdateDescriptionType0 | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_kind(data: object) -> None | PlaceUpdateKindType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = PlaceUpdateKindType0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceUpdateKindType0 | Unset, data)

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

        def _parse_media(data: object) -> list[MediaAttachment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                media_type_0 = []
                _media_type_0 = data
                for media_type_0_item_data in _media_type_0:
                    media_type_0_item = MediaAttachment.from_dict(
                        media_type_0_item_data
                    )

                    media_type_0.append(media_type_0_item)

                return media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MediaAttachment] | None | Unset, data)

        media = _parse_media(d.pop("media", UNSET))

        def _parse_name(data: object) -> None | PlaceUpdateNameType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = PlaceUpdateNameType0.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceUpdateNameType0 | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_opening_hours(data: object) -> list[OpeningHours] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                opening_hours_type_0 = []
                _opening_hours_type_0 = data
                for opening_hours_type_0_item_data in _opening_hours_type_0:
                    opening_hours_type_0_item = OpeningHours.from_dict(
                        opening_hours_type_0_item_data
                    )

                    opening_hours_type_0.append(opening_hours_type_0_item)

                return opening_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OpeningHours] | None | Unset, data)

        opening_hours = _parse_opening_hours(d.pop("opening_hours", UNSET))

        def _parse_related_product_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                related_product_ids_type_0 = []
                _related_product_ids_type_0 = data
                for related_product_ids_type_0_item_data in _related_product_ids_type_0:
                    related_product_ids_type_0_item = UUID(
                        related_product_ids_type_0_item_data
                    )

                    related_product_ids_type_0.append(related_product_ids_type_0_item)

                return related_product_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        related_product_ids = _parse_related_product_ids(
            d.pop("related_product_ids", UNSET)
        )

        place_update = cls(
            address=address,
            description=description,
            kind=kind,
            latitude=latitude,
            longitude=longitude,
            media=media,
            name=name,
            opening_hours=opening_hours,
            related_product_ids=related_product_ids,
        )

        place_update.additional_properties = d
        return place_update

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
