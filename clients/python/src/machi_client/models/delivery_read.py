from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliveryRead")


@_attrs_define
class DeliveryRead:
    """
    Attributes:
        attempts (int):
        campaign_id (None | UUID):
        channel_id (UUID):
        created_at (datetime.datetime):
        due_at (datetime.datetime):
        error_category (None | str):
        error_message (None | str):
        id (UUID):
        link_code (None | str):
        link_ready (bool):
        next_attempt_at (datetime.datetime | None):
        permalink (None | str):
        platform (str):
        platform_post_id (None | str):
        post_id (UUID):
        product_id (None | UUID):
        published_at (datetime.datetime | None):
        short_url (None | str):
        state (str):
        updated_at (datetime.datetime):
        estimated_messages (int | None | Unset):
        retryable (bool | Unset): Failed before the platform's publish call: POST .../retry may send it again. Default:
            False.
    """

    attempts: int
    campaign_id: None | UUID
    channel_id: UUID
    created_at: datetime.datetime
    due_at: datetime.datetime
    error_category: None | str
    error_message: None | str
    id: UUID
    link_code: None | str
    link_ready: bool
    next_attempt_at: datetime.datetime | None
    permalink: None | str
    platform: str
    platform_post_id: None | str
    post_id: UUID
    product_id: None | UUID
    published_at: datetime.datetime | None
    short_url: None | str
    state: str
    updated_at: datetime.datetime
    estimated_messages: int | None | Unset = UNSET
    retryable: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        campaign_id: None | str
        if isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        channel_id = str(self.channel_id)

        created_at = self.created_at.isoformat()

        due_at = self.due_at.isoformat()

        error_category: None | str
        error_category = self.error_category

        error_message: None | str
        error_message = self.error_message

        id = str(self.id)

        link_code: None | str
        link_code = self.link_code

        link_ready = self.link_ready

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        permalink: None | str
        permalink = self.permalink

        platform = self.platform

        platform_post_id: None | str
        platform_post_id = self.platform_post_id

        post_id = str(self.post_id)

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        short_url: None | str
        short_url = self.short_url

        state = self.state

        updated_at = self.updated_at.isoformat()

        estimated_messages: int | None | Unset
        if isinstance(self.estimated_messages, Unset):
            estimated_messages = UNSET
        else:
            estimated_messages = self.estimated_messages

        retryable = self.retryable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "campaign_id": campaign_id,
                "channel_id": channel_id,
                "created_at": created_at,
                "due_at": due_at,
                "error_category": error_category,
                "error_message": error_message,
                "id": id,
                "link_code": link_code,
                "link_ready": link_ready,
                "next_attempt_at": next_attempt_at,
                "permalink": permalink,
                "platform": platform,
                "platform_post_id": platform_post_id,
                "post_id": post_id,
                "product_id": product_id,
                "published_at": published_at,
                "short_url": short_url,
                "state": state,
                "updated_at": updated_at,
            }
        )
        if estimated_messages is not UNSET:
            field_dict["estimated_messages"] = estimated_messages
        if retryable is not UNSET:
            field_dict["retryable"] = retryable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attempts = d.pop("attempts")

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

        channel_id = UUID(d.pop("channel_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        def _parse_error_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_category = _parse_error_category(d.pop("error_category"))

        def _parse_error_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_message = _parse_error_message(d.pop("error_message"))

        id = UUID(d.pop("id"))

        def _parse_link_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link_code = _parse_link_code(d.pop("link_code"))

        link_ready = d.pop("link_ready")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_permalink(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        permalink = _parse_permalink(d.pop("permalink"))

        platform = d.pop("platform")

        def _parse_platform_post_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_post_id = _parse_platform_post_id(d.pop("platform_post_id"))

        post_id = UUID(d.pop("post_id"))

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

        def _parse_short_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        short_url = _parse_short_url(d.pop("short_url"))

        state = d.pop("state")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_estimated_messages(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_messages = _parse_estimated_messages(
            d.pop("estimated_messages", UNSET)
        )

        retryable = d.pop("retryable", UNSET)

        delivery_read = cls(
            attempts=attempts,
            campaign_id=campaign_id,
            channel_id=channel_id,
            created_at=created_at,
            due_at=due_at,
            error_category=error_category,
            error_message=error_message,
            id=id,
            link_code=link_code,
            link_ready=link_ready,
            next_attempt_at=next_attempt_at,
            permalink=permalink,
            platform=platform,
            platform_post_id=platform_post_id,
            post_id=post_id,
            product_id=product_id,
            published_at=published_at,
            short_url=short_url,
            state=state,
            updated_at=updated_at,
            estimated_messages=estimated_messages,
            retryable=retryable,
        )

        delivery_read.additional_properties = d
        return delivery_read

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
