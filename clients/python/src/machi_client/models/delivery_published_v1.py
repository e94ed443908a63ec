from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliveryPublishedV1")


@_attrs_define
class DeliveryPublishedV1:
    """
    Attributes:
        channel_id (UUID):
        delivery_id (UUID):
        platform (str):
        platform_post_id (str):
        post_id (UUID):
        published_at (datetime.datetime):
        campaign_id (None | Unset | UUID):
        link_code (None | str | Unset):
        permalink (None | str | Unset):
        producer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
    """

    channel_id: UUID
    delivery_id: UUID
    platform: str
    platform_post_id: str
    post_id: UUID
    published_at: datetime.datetime
    campaign_id: None | Unset | UUID = UNSET
    link_code: None | str | Unset = UNSET
    permalink: None | str | Unset = UNSET
    producer_id: None | Unset | UUID = UNSET
    product_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel_id = str(self.channel_id)

        delivery_id = str(self.delivery_id)

        platform = self.platform

        platform_post_id = self.platform_post_id

        post_id = str(self.post_id)

        published_at = self.published_at.isoformat()

        campaign_id: None | str | Unset
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        elif isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        link_code: None | str | Unset
        if isinstance(self.link_code, Unset):
            link_code = UNSET
        else:
            link_code = self.link_code

        permalink: None | str | Unset
        if isinstance(self.permalink, Unset):
            permalink = UNSET
        else:
            permalink = self.permalink

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel_id": channel_id,
                "delivery_id": delivery_id,
                "platform": platform,
                "platform_post_id": platform_post_id,
                "post_id": post_id,
                "published_at": published_at,
            }
        )
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if link_code is not UNSET:
            field_dict["link_code"] = link_code
        if permalink is not UNSET:
            field_dict["permalink"] = permalink
        if producer_id is not UNSET:
            field_dict["producer_id"] = producer_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel_id = UUID(d.pop("channel_id"))

        delivery_id = UUID(d.pop("delivery_id"))

        platform = d.pop("platform")

        platform_post_id = d.pop("platform_post_id")

        post_id = UUID(d.pop("post_id"))

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

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

        def _parse_link_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        link_code = _parse_link_code(d.pop("link_code", UNSET))

        def _parse_permalink(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        permalink = _parse_permalink(d.pop("permalink", UNSET))

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

        delivery_published_v1 = cls(
            channel_id=channel_id,
            delivery_id=delivery_id,
            platform=platform,
            platform_post_id=platform_post_id,
            post_id=post_id,
            published_at=published_at,
            campaign_id=campaign_id,
            link_code=link_code,
            permalink=permalink,
            producer_id=producer_id,
            product_id=product_id,
        )

        delivery_published_v1.additional_properties = d
        return delivery_published_v1

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
