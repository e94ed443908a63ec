from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_create_utm import LinkCreateUtm


T = TypeVar("T", bound="LinkCreate")


@_attrs_define
class LinkCreate:
    """
    Attributes:
        destination (str):
        campaign_id (None | Unset | UUID):
        channel_id (None | Unset | UUID):
        code (None | str | Unset):
        coupon_code (None | str | Unset):
        expires_at (datetime.datetime | None | Unset):
        place_id (None | Unset | UUID):
        platform (None | str | Unset):
        post_id (None | Unset | UUID):
        producer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        utm (LinkCreateUtm | Unset):
    """

    destination: str
    campaign_id: None | Unset | UUID = UNSET
    channel_id: None | Unset | UUID = UNSET
    code: None | str | Unset = UNSET
    coupon_code: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    place_id: None | Unset | UUID = UNSET
    platform: None | str | Unset = UNSET
    post_id: None | Unset | UUID = UNSET
    producer_id: None | Unset | UUID = UNSET
    product_id: None | Unset | UUID = UNSET
    utm: LinkCreateUtm | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination = self.destination

        campaign_id: None | str | Unset
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        elif isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        channel_id: None | str | Unset
        if isinstance(self.channel_id, Unset):
            channel_id = UNSET
        elif isinstance(self.channel_id, UUID):
            channel_id = str(self.channel_id)
        else:
            channel_id = self.channel_id

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        coupon_code: None | str | Unset
        if isinstance(self.coupon_code, Unset):
            coupon_code = UNSET
        else:
            coupon_code = self.coupon_code

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        place_id: None | str | Unset
        if isinstance(self.place_id, Unset):
            place_id = UNSET
        elif isinstance(self.place_id, UUID):
            place_id = str(self.place_id)
        else:
            place_id = self.place_id

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        else:
            platform = self.platform

        post_id: None | str | Unset
        if isinstance(self.post_id, Unset):
            post_id = UNSET
        elif isinstance(self.post_id, UUID):
            post_id = str(self.post_id)
        else:
            post_id = self.post_id

        producer_id: None | str | Unset
        if isinstance(self.producer_id, Unset):
            producer_id = UNSET
        elif isinstance(self.producer_id, UUID):
            producer_id = str(self.producer_id)
        else:
            producer_id = self.producer_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        utm: dict[str, Any] | Unset = UNSET
        if not isinstance(self.utm, Unset):
            utm = self.utm.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination": destination,
            }
        )
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if channel_id is not UNSET:
            field_dict["channel_id"] = channel_id
        if code is not UNSET:
            field_dict["code"] = code
        if coupon_code is not UNSET:
            field_dict["coupon_code"] = coupon_code
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if place_id is not UNSET:
            field_dict["place_id"] = place_id
        if platform is not UNSET:
            field_dict["platform"] = platform
        if post_id is not UNSET:
            field_dict["post_id"] = post_id
        if producer_id is not UNSET:
            field_dict["producer_id"] = producer_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if utm is not UNSET:
            field_dict["utm"] = utm

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.link_create_utm import LinkCreateUtm

        d = dict(src_dict)
        destination = d.pop("destination")

        def _parse_campaign_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                campaign_id_type_0 = UUID(data)

                return campaign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        def _parse_channel_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_id_type_0 = UUID(data)

                return channel_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        channel_id = _parse_channel_id(d.pop("channel_id", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_coupon_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon_code = _parse_coupon_code(d.pop("coupon_code", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_place_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                place_id_type_0 = UUID(data)

                return place_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        place_id = _parse_place_id(d.pop("place_id", UNSET))

        def _parse_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        def _parse_post_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_id_type_0 = UUID(data)

                return post_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        post_id = _parse_post_id(d.pop("post_id", UNSET))

        def _parse_producer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                producer_id_type_0 = UUID(data)

                return producer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        producer_id = _parse_producer_id(d.pop("producer_id", UNSET))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        _utm = d.pop("utm", UNSET)
        utm: LinkCreateUtm | Unset
        if isinstance(_utm, Unset):
            utm = UNSET
        else:
            utm = LinkCreateUtm.from_dict(_utm)

        link_create = cls(
            destination=destination,
            campaign_id=campaign_id,
            channel_id=channel_id,
            code=code,
            coupon_code=coupon_code,
            expires_at=expires_at,
            place_id=place_id,
            platform=platform,
            post_id=post_id,
            producer_id=producer_id,
            product_id=product_id,
            utm=utm,
        )

        link_create.additional_properties = d
        return link_create

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
