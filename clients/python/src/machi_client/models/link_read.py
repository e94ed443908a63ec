from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_read_utm import LinkReadUtm


T = TypeVar("T", bound="LinkRead")


@_attrs_define
class LinkRead:
    """
    Attributes:
        campaign_id (None | UUID):
        channel_id (None | UUID):
        code (str):
        coupon_code (None | str):
        created_at (datetime.datetime):
        delivery_id (None | UUID):
        destination (str):
        expires_at (datetime.datetime | None):
        id (UUID):
        place_id (None | UUID):
        platform (None | str):
        post_id (None | UUID):
        producer_id (None | UUID):
        product_id (None | UUID):
        updated_at (datetime.datetime):
        utm (LinkReadUtm):
        clicks (int | None | Unset): Human clicks so far (lists, for the town's users only).
        short_url (str | Unset):  Default: ''.
    """

    campaign_id: None | UUID
    channel_id: None | UUID
    code: str
    coupon_code: None | str
    created_at: datetime.datetime
    delivery_id: None | UUID
    destination: str
    expires_at: datetime.datetime | None
    id: UUID
    place_id: None | UUID
    platform: None | str
    post_id: None | UUID
    producer_id: None | UUID
    product_id: None | UUID
    updated_at: datetime.datetime
    utm: LinkReadUtm
    clicks: int | None | Unset = UNSET
    short_url: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id: None | str
        if isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        channel_id: None | str
        if isinstance(self.channel_id, UUID):
            channel_id = str(self.channel_id)
        else:
            channel_id = self.channel_id

        code = self.code

        coupon_code: None | str
        coupon_code = self.coupon_code

        created_at = self.created_at.isoformat()

        delivery_id: None | str
        if isinstance(self.delivery_id, UUID):
            delivery_id = str(self.delivery_id)
        else:
            delivery_id = self.delivery_id

        destination = self.destination

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        id = str(self.id)

        place_id: None | str
        if isinstance(self.place_id, UUID):
            place_id = str(self.place_id)
        else:
            place_id = self.place_id

        platform: None | str
        platform = self.platform

        post_id: None | str
        if isinstance(self.post_id, UUID):
            post_id = str(self.post_id)
        else:
            post_id = self.post_id

        producer_id: None | str
        if isinstance(self.producer_id, UUID):
            producer_id = str(self.producer_id)
        else:
            producer_id = self.producer_id

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        updated_at = self.updated_at.isoformat()

        utm = self.utm.to_dict()

        clicks: int | None | Unset
        if isinstance(self.clicks, Unset):
            clicks = UNSET
        else:
            clicks = self.clicks

        short_url = self.short_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "channel_id": channel_id,
                "code": code,
                "coupon_code": coupon_code,
                "created_at": created_at,
                "delivery_id": delivery_id,
                "destination": destination,
                "expires_at": expires_at,
                "id": id,
                "place_id": place_id,
                "platform": platform,
                "post_id": post_id,
                "producer_id": producer_id,
                "product_id": product_id,
                "updated_at": updated_at,
                "utm": utm,
            }
        )
        if clicks is not UNSET:
            field_dict["clicks"] = clicks
        if short_url is not UNSET:
            field_dict["short_url"] = short_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.link_read_utm import LinkReadUtm

        d = dict(src_dict)

        def _parse_campaign_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                campaign_id_type_0 = UUID(data)

                return campaign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        def _parse_channel_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_id_type_0 = UUID(data)

                return channel_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        channel_id = _parse_channel_id(d.pop("channel_id"))

        code = d.pop("code")

        def _parse_coupon_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_delivery_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivery_id_type_0 = UUID(data)

                return delivery_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        delivery_id = _parse_delivery_id(d.pop("delivery_id"))

        destination = d.pop("destination")

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        def _parse_place_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                place_id_type_0 = UUID(data)

                return place_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        place_id = _parse_place_id(d.pop("place_id"))

        def _parse_platform(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform = _parse_platform(d.pop("platform"))

        def _parse_post_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_id_type_0 = UUID(data)

                return post_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        post_id = _parse_post_id(d.pop("post_id"))

        def _parse_producer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                producer_id_type_0 = UUID(data)

                return producer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        producer_id = _parse_producer_id(d.pop("producer_id"))

        def _parse_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        product_id = _parse_product_id(d.pop("product_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        utm = LinkReadUtm.from_dict(d.pop("utm"))

        def _parse_clicks(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        clicks = _parse_clicks(d.pop("clicks", UNSET))

        short_url = d.pop("short_url", UNSET)

        link_read = cls(
            campaign_id=campaign_id,
            channel_id=channel_id,
            code=code,
            coupon_code=coupon_code,
            created_at=created_at,
            delivery_id=delivery_id,
            destination=destination,
            expires_at=expires_at,
            id=id,
            place_id=place_id,
            platform=platform,
            post_id=post_id,
            producer_id=producer_id,
            product_id=product_id,
            updated_at=updated_at,
            utm=utm,
            clicks=clicks,
            short_url=short_url,
        )

        link_read.additional_properties = d
        return link_read

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
