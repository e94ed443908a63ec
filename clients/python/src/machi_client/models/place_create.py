from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.place_create_kind import PlaceCreateKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment import MediaAttachment
    from ..models.opening_hours import OpeningHours
    from ..models.place_create_description import PlaceCreateDescription
    from ..models.place_create_name import PlaceCreateName


T = TypeVar("T", bound="PlaceCreate")


@_attrs_define
class PlaceCreate:
    """
    Attributes:
        kind (PlaceCreateKind):
        name (PlaceCreateName):
        slug (str):
        address (None | str | Unset):
        description (PlaceCreateDescription | Unset):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        media (list[MediaAttachment] | Unset):
        opening_hours (list[OpeningHours] | Unset):
        related_product_ids (list[UUID] | Unset):
    """

    kind: PlaceCreateKind
    name: PlaceCreateName
    slug: str
    address: None | str | Unset = UNSET
    description: PlaceCreateDescription | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    media: list[MediaAttachment] | Unset = UNSET
    opening_hours: list[OpeningHours] | Unset = UNSET
    related_product_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name.to_dict()

        slug = self.slug

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        description: dict[str, Any] | Unset = UNSET
        if not isinstance(self.description, Unset):
            description = self.description.to_dict()

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

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        opening_hours: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.opening_hours, Unset):
            opening_hours = []
            for opening_hours_item_data in self.opening_hours:
                opening_hours_item = opening_hours_item_data.to_dict()
                opening_hours.append(opening_hours_item)

        related_product_ids: list[str] | Unset = UNSET
        if not isinstance(self.related_product_ids, Unset):
            related_product_ids = []
            for related_product_ids_item_data in self.related_product_ids:
                related_product_ids_item = str(related_product_ids_item_data)
                related_product_ids.append(related_product_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "slug": slug,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if description is not UNSET:
            field_dict["description"] = description
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if media is not UNSET:
            field_dict["media"] = media
        if opening_hours is not UNSET:
            field_dict["opening_hours"] = opening_hours
        if related_product_ids is not UNSET:
            field_dict["related_product_ids"] = related_product_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment import MediaAttachment
        from ..models.opening_hours import OpeningHours
        from ..models.place_create_description import PlaceCreateDescription
        from ..models.place_create_name import PlaceCreateName

        d = dict(src_dict)
        kind = PlaceCreateKind(d.pop("kind"))

        name = PlaceCreateName.from_dict(d.pop("name"))

        slug = d.pop("slug")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        _description = d.pop("description", UNSET)
        description: PlaceCreateDescription | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = PlaceCreateDescription.from_dict(_description)

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

        _media = d.pop("media", UNSET)
        media: list[MediaAttachment] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = MediaAttachment.from_dict(media_item_data)

                media.append(media_item)

        _opening_hours = d.pop("opening_hours", UNSET)
        opening_hours: list[OpeningHours] | Unset = UNSET
        if _opening_hours is not UNSET:
            opening_hours = []
            for opening_hours_item_data in _opening_hours:
                opening_hours_item = OpeningHours.from_dict(opening_hours_item_data)

                opening_hours.append(opening_hours_item)

        _related_product_ids = d.pop("related_product_ids", UNSET)
        related_product_ids: list[UUID] | Unset = UNSET
        if _related_product_ids is not UNSET:
            related_product_ids = []
            for related_product_ids_item_data in _related_product_ids:
                related_product_ids_item = UUID(related_product_ids_item_data)

                related_product_ids.append(related_product_ids_item)

        place_create = cls(
            kind=kind,
            name=name,
            slug=slug,
            address=address,
            description=description,
            latitude=latitude,
            longitude=longitude,
            media=media,
            opening_hours=opening_hours,
            related_product_ids=related_product_ids,
        )

        place_create.additional_properties = d
        return place_create

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
