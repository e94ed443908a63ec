from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_read_direction import MessageReadDirection
from ..models.message_read_state_type_0 import MessageReadStateType0
from ..models.message_read_via_type_0 import MessageReadViaType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_read_attachments_item import MessageReadAttachmentsItem


T = TypeVar("T", bound="MessageRead")


@_attrs_define
class MessageRead:
    """
    Attributes:
        attachments (list[MessageReadAttachmentsItem]):
        author_id (None | str):
        direction (MessageReadDirection):
        id (UUID):
        parent_ref (None | str):
        platform_message_id (None | str):
        removed (bool):
        sent_at (datetime.datetime):
        text (str):
        error (None | str | Unset):
        hidden (bool | Unset): A citizen's comment hidden on the platform by staff. Default: False.
        moderated_at (datetime.datetime | None | Unset):
        moderated_by (None | str | Unset): Who last hid, unhid or deleted the comment.
        reply_token_expires_at (datetime.datetime | None | Unset): LINE: until when a reply is free (after it, a counted
            push).
        review_comment (None | str | Unset): Why it was rejected.
        reviewed_by (None | str | Unset): The editor who approved or rejected the reply.
        state (MessageReadStateType0 | None | Unset): A staff reply's sending state; `unconfirmed`: it may have reached
            the platform, so it is never sent again by itself (check the thread on the platform); `awaiting_approval`: a
            public reply held for an editor, then `pending` or `rejected`.
        template_id (None | Unset | UUID): The saved reply it was sent from.
        via (MessageReadViaType0 | None | Unset):
    """

    attachments: list[MessageReadAttachmentsItem]
    author_id: None | str
    direction: MessageReadDirection
    id: UUID
    parent_ref: None | str
    platform_message_id: None | str
    removed: bool
    sent_at: datetime.datetime
    text: str
    error: None | str | Unset = UNSET
    hidden: bool | Unset = False
    moderated_at: datetime.datetime | None | Unset = UNSET
    moderated_by: None | str | Unset = UNSET
    reply_token_expires_at: datetime.datetime | None | Unset = UNSET
    review_comment: None | str | Unset = UNSET
    reviewed_by: None | str | Unset = UNSET
    state: MessageReadStateType0 | None | Unset = UNSET
    template_id: None | Unset | UUID = UNSET
    via: MessageReadViaType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        author_id: None | str
        author_id = self.author_id

        direction = self.direction.value

        id = str(self.id)

        parent_ref: None | str
        parent_ref = self.parent_ref

        platform_message_id: None | str
        platform_message_id = self.platform_message_id

        removed = self.removed

        sent_at = self.sent_at.isoformat()

        text = self.text

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        hidden = self.hidden

        moderated_at: None | str | Unset
        if isinstance(self.moderated_at, Unset):
            moderated_at = UNSET
        elif isinstance(self.moderated_at, datetime.datetime):
            moderated_at = self.moderated_at.isoformat()
        else:
            moderated_at = self.moderated_at

        moderated_by: None | str | Unset
        if isinstance(self.moderated_by, Unset):
            moderated_by = UNSET
        else:
            moderated_by = self.moderated_by

        reply_token_expires_at: None | str | Unset
        if isinstance(self.reply_token_expires_at, Unset):
            reply_token_expires_at = UNSET
        elif isinstance(self.reply_token_expires_at, datetime.datetime):
            reply_token_expires_at = self.reply_token_expires_at.isoformat()
        else:
            reply_token_expires_at = self.reply_token_expires_at

        review_comment: None | str | Unset
        if isinstance(self.review_comment, Unset):
            review_comment = UNSET
        else:
            review_comment = self.review_comment

        reviewed_by: None | str | Unset
        if isinstance(self.reviewed_by, Unset):
            reviewed_by = UNSET
        else:
            reviewed_by = self.reviewed_by

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, MessageReadStateType0):
            state = self.state.value
        else:
            state = self.state

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        via: None | str | Unset
        if isinstance(self.via, Unset):
            via = UNSET
        elif isinstance(self.via, MessageReadViaType0):
            via = self.via.value
        else:
            via = self.via

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachments": attachments,
                "author_id": author_id,
                "direction": direction,
                "id": id,
                "parent_ref": parent_ref,
                "platform_message_id": platform_message_id,
                "removed": removed,
                "sent_at": sent_at,
                "text": text,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if hidden is not UNSET:
            field_dict["hidden"] = hidden
        if moderated_at is not UNSET:
            field_dict["moderated_at"] = moderated_at
        if moderated_by is not UNSET:
            field_dict["moderated_by"] = moderated_by
        if reply_token_expires_at is not UNSET:
            field_dict["reply_token_expires_at"] = reply_token_expires_at
        if review_comment is not UNSET:
            field_dict["review_comment"] = review_comment
        if reviewed_by is not UNSET:
            field_dict["reviewed_by"] = reviewed_by
        if state is not UNSET:
            field_dict["state"] = state
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if via is not UNSET:
            field_dict["via"] = via

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_read_attachments_item import MessageReadAttachmentsItem

        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = MessageReadAttachmentsItem.from_dict(
                attachments_item_data
            )

            attachments.append(attachments_item)

        def _parse_author_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_id = _parse_author_id(d.pop("author_id"))

        direction = MessageReadDirection(d.pop("direction"))

        id = UUID(d.pop("id"))

        def _parse_parent_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_ref = _parse_parent_ref(d.pop("parent_ref"))

        def _parse_platform_message_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_message_id = _parse_platform_message_id(d.pop("platform_message_id"))

        removed = d.pop("removed")

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        text = d.pop("text")

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        hidden = d.pop("hidden", UNSET)

        def _parse_moderated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moderated_at_type_0 = datetime.datetime.fromisoformat(data)

                return moderated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        moderated_at = _parse_moderated_at(d.pop("moderated_at", UNSET))

        def _parse_moderated_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        moderated_by = _parse_moderated_by(d.pop("moderated_by", UNSET))

        def _parse_reply_token_expires_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reply_token_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return reply_token_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reply_token_expires_at = _parse_reply_token_expires_at(
            d.pop("reply_token_expires_at", UNSET)
        )

        def _parse_review_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_comment = _parse_review_comment(d.pop("review_comment", UNSET))

        def _parse_reviewed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by", UNSET))

        def _parse_state(data: object) -> MessageReadStateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = MessageReadStateType0(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageReadStateType0 | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_via(data: object) -> MessageReadViaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                via_type_0 = MessageReadViaType0(data)

                return via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageReadViaType0 | None | Unset, data)

        via = _parse_via(d.pop("via", UNSET))

        message_read = cls(
            attachments=attachments,
            author_id=author_id,
            direction=direction,
            id=id,
            parent_ref=parent_ref,
            platform_message_id=platform_message_id,
            removed=removed,
            sent_at=sent_at,
            text=text,
            error=error,
            hidden=hidden,
            moderated_at=moderated_at,
            moderated_by=moderated_by,
            reply_token_expires_at=reply_token_expires_at,
            review_comment=review_comment,
            reviewed_by=reviewed_by,
            state=state,
            template_id=template_id,
            via=via,
        )

        message_read.additional_properties = d
        return message_read

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
