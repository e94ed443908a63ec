from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment_read import MediaAttachmentRead
    from ..models.opening_hours import OpeningHours
    from ..models.place_read_description import PlaceReadDescription
    from ..models.place_read_name import PlaceReadName


T = TypeVar("T", bound="PlaceRead")


@_attrs_define
class PlaceRead:
    """
    Attributes:
        address (None | str):
        archived_at (datetime.datetime | None):
        created_at (datetime.datetime):
        description (PlaceReadDescription):
        id (UUID):
        kind (str):
        latitude (float | None):
        longitude (float | None):
        media (list[MediaAttachmentRead]):
        name (PlaceReadName):
        opening_hours (list[OpeningHours]):
        published_at (datetime.datetime | None):
        related_product_ids (list[UUID]):
        slug (str):
        status (str):
        updated_at (datetime.datetime):
        display_description (None | str | Unset):
        display_name (None | str | Unset):
        lang (None | str | Unset):
    """

    address: None | str
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    description: PlaceReadDescription
    id: UUID
    kind: str
    latitude: float | None
    longitude: float | None
    media: list[MediaAttachmentRead]
    name: PlaceReadName
    opening_hours: list[OpeningHours]
    published_at: datetime.datetime | None
    related_product_ids: list[UUID]
    slug: str
    status: str
    updated_at: datetime.datetime
    display_description: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    lang: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        created_at = self.created_at.isoformat()

        description = self.description.to_dict()

        id = str(self.id)

        kind = self.kind

        latitude: float | None
        latitude = self.latitude

        longitude: float | None
        longitude = self.longitude

        media = []
        for media_item_data in self.media:
            media_item = media_item_data.to_dict()
            media.append(media_item)

        name = self.name.to_dict()

        opening_hours = []
        for opening_hours_item_data in self.opening_hours:
            opening_hours_item = opening_hours_item_data.to_dict()
            opening_hours.append(opening_hours_item)

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        related_product_ids = []
        for related_product_ids_item_data in self.related_product_ids:
            related_product_ids_item = str(related_product_ids_item_data)
            related_product_ids.append(related_product_ids_item)

        slug = self.slug

        status = self.status

        updated_at = self.updated_at.isoformat()

        display_description: None | str | Unset
        if isinstance(self.display_description, Unset):
            display_description = UNSET
        else:
            display_description = self.display_description

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "archived_at": archived_at,
                "created_at": created_at,
                "description": description,
                "id": id,
                "kind": kind,
                "latitude": latitude,
                "longitude": longitude,
                "media": media,
                "name": name,
                "opening_hours": opening_hours,
                "published_at": published_at,
                "related_product_ids": related_product_ids,
                "slug": slug,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if display_description is not UNSET:
            field_dict["display_description"] = display_description
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if lang is not UNSET:
            field_dict["lang"] = lang

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment_read import MediaAttachmentRead
        from ..models.opening_hours import OpeningHours
        from ..models.place_read_description import PlaceReadDescription
        from ..models.place_read_name import PlaceReadName

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = PlaceReadDescription.from_dict(d.pop("description"))

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

        media = []
        _media = d.pop("media")
        for media_item_data in _media:
            media_item = MediaAttachmentRead.from_dict(media_item_data)

            media.append(media_item)

        name = PlaceReadName.from_dict(d.pop("name"))

        opening_hours = []
        _opening_hours = d.pop("opening_hours")
        for opening_hours_item_data in _opening_hours:
            opening_hours_item = OpeningHours.from_dict(opening_hours_item_data)

            opening_hours.append(opening_hours_item)

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        related_product_ids = []
        _related_product_ids = d.pop("related_product_ids")
        for related_product_ids_item_data in _related_product_ids:
            related_product_ids_item = UUID(related_product_ids_item_data)

            related_product_ids.append(related_product_ids_item)

        slug = d.pop("slug")

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_display_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_description = _parse_display_description(
            d.pop("display_description", UNSET)
        )

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

        place_read = cls(
            address=address,
            archived_at=archived_at,
            created_at=created_at,
            description=description,
            id=id,
            kind=kind,
            latitude=latitude,
            longitude=longitude,
            media=media,
            name=name,
            opening_hours=opening_hours,
            published_at=published_at,
            related_product_ids=related_product_ids,
            slug=slug,
            status=status,
            updated_at=updated_at,
            display_description=display_description,
            display_name=display_name,
            lang=lang,
        )

        place_read.additional_properties = d
        return place_read

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
