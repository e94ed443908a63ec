from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_detail_kind import ConversationDetailKind
from ..models.conversation_detail_language_type_0 import ConversationDetailLanguageType0
from ..models.conversation_detail_priority import ConversationDetailPriority
from ..models.conversation_detail_status import ConversationDetailStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conversation_post import ConversationPost
    from ..models.message_read import MessageRead


T = TypeVar("T", bound="ConversationDetail")


@_attrs_define
class ConversationDetail:
    """
    Attributes:
        assignee (None | str): The user (`/v1/me` id) answering it.
        author_id (str): The citizen's id, scoped to the channel's account.
        author_name (None | str):
        channel_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (ConversationDetailKind):
        last_message_at (datetime.datetime):
        messages (list[MessageRead]): Both directions and staff notes, in order.
        platform (str):
        post_ref (str): The platform's id of the post a comment thread is on.
        priority (ConversationDetailPriority):
        status (ConversationDetailStatus):
        tags (list[str]):
        updated_at (datetime.datetime):
        window_closes_at (datetime.datetime | None): Messenger and Instagram: a standard reply is allowed until then.
        excerpt (None | str | Unset): The start of the newest message still on the platform, either direction (notes
            left out), for lists.
        group_id (None | Unset | UUID): The group (`/v1/settings/inbox/groups`) it was given to.
        language (ConversationDetailLanguageType0 | None | Unset): The language of the citizen's first words, by their
            script.
        post (ConversationPost | None | Unset): The town's post the comments are on (none for messages).
    """

    assignee: None | str
    author_id: str
    author_name: None | str
    channel_id: UUID
    created_at: datetime.datetime
    id: UUID
    kind: ConversationDetailKind
    last_message_at: datetime.datetime
    messages: list[MessageRead]
    platform: str
    post_ref: str
    priority: ConversationDetailPriority
    status: ConversationDetailStatus
    tags: list[str]
    updated_at: datetime.datetime
    window_closes_at: datetime.datetime | None
    excerpt: None | str | Unset = UNSET
    group_id: None | Unset | UUID = UNSET
    language: ConversationDetailLanguageType0 | None | Unset = UNSET
    post: ConversationPost | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conversation_post import ConversationPost

        assignee: None | str
        assignee = self.assignee

        author_id = self.author_id

        author_name: None | str
        author_name = self.author_name

        channel_id = str(self.channel_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        last_message_at = self.last_message_at.isoformat()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        platform = self.platform

        post_ref = self.post_ref

        priority = self.priority.value

        status = self.status.value

        tags = self.tags

        updated_at = self.updated_at.isoformat()

        window_closes_at: None | str
        if isinstance(self.window_closes_at, datetime.datetime):
            window_closes_at = self.window_closes_at.isoformat()
        else:
            window_closes_at = self.window_closes_at

        excerpt: None | str | Unset
        if isinstance(self.excerpt, Unset):
            excerpt = UNSET
        else:
            excerpt = self.excerpt

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        elif isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, ConversationDetailLanguageType0):
            language = self.language.value
        else:
            language = self.language

        post: dict[str, Any] | None | Unset
        if isinstance(self.post, Unset):
            post = UNSET
        elif isinstance(self.post, ConversationPost):
            post = self.post.to_dict()
        else:
            post = self.post

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignee": assignee,
                "author_id": author_id,
                "author_name": author_name,
                "channel_id": channel_id,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "last_message_at": last_message_at,
                "messages": messages,
                "platform": platform,
                "post_ref": post_ref,
                "priority": priority,
                "status": status,
                "tags": tags,
                "updated_at": updated_at,
                "window_closes_at": window_closes_at,
            }
        )
        if excerpt is not UNSET:
            field_dict["excerpt"] = excerpt
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if language is not UNSET:
            field_dict["language"] = language
        if post is not UNSET:
            field_dict["post"] = post

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conversation_post import ConversationPost
        from ..models.message_read import MessageRead

        d = dict(src_dict)

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        author_id = d.pop("author_id")

        def _parse_author_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_name = _parse_author_name(d.pop("author_name"))

        channel_id = UUID(d.pop("channel_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = ConversationDetailKind(d.pop("kind"))

        last_message_at = datetime.datetime.fromisoformat(d.pop("last_message_at"))

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = MessageRead.from_dict(messages_item_data)

            messages.append(messages_item)

        platform = d.pop("platform")

        post_ref = d.pop("post_ref")

        priority = ConversationDetailPriority(d.pop("priority"))

        status = ConversationDetailStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_window_closes_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_closes_at_type_0 = datetime.datetime.fromisoformat(data)

                return window_closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        window_closes_at = _parse_window_closes_at(d.pop("window_closes_at"))

        def _parse_excerpt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        excerpt = _parse_excerpt(d.pop("excerpt", UNSET))

        def _parse_group_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_id_type_0 = UUID(data)

                return group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_language(
            data: object,
        ) -> ConversationDetailLanguageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = ConversationDetailLanguageType0(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationDetailLanguageType0 | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_post(data: object) -> ConversationPost | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                post_type_0 = ConversationPost.from_dict(data)

                return post_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationPost | None | Unset, data)

        post = _parse_post(d.pop("post", UNSET))

        conversation_detail = cls(
            assignee=assignee,
            author_id=author_id,
            author_name=author_name,
            channel_id=channel_id,
            created_at=created_at,
            id=id,
            kind=kind,
            last_message_at=last_message_at,
            messages=messages,
            platform=platform,
            post_ref=post_ref,
            priority=priority,
            status=status,
            tags=tags,
            updated_at=updated_at,
            window_closes_at=window_closes_at,
            excerpt=excerpt,
            group_id=group_id,
            language=language,
            post=post,
        )

        conversation_detail.additional_properties = d
        return conversation_detail

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
