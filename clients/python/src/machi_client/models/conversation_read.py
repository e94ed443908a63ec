from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_read_kind import ConversationReadKind
from ..models.conversation_read_language_type_0 import ConversationReadLanguageType0
from ..models.conversation_read_priority import ConversationReadPriority
from ..models.conversation_read_status import ConversationReadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversationRead")


@_attrs_define
class ConversationRead:
    """
    Attributes:
        assignee (None | str): The user (`/v1/me` id) answering it.
        author_id (str): The citizen's id, scoped to the channel's account.
        author_name (None | str):
        channel_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (ConversationReadKind):
        last_message_at (datetime.datetime):
        platform (str):
        post_ref (str): The platform's id of the post a comment thread is on.
        priority (ConversationReadPriority):
        status (ConversationReadStatus):
        tags (list[str]):
        updated_at (datetime.datetime):
        window_closes_at (datetime.datetime | None): Messenger and Instagram: a standard reply is allowed until then.
        excerpt (None | str | Unset): The start of the newest message still on the platform, either direction (notes
            left out), for lists.
        group_id (None | Unset | UUID): The group (`/v1/settings/inbox/groups`) it was given to.
        language (ConversationReadLanguageType0 | None | Unset): The language of the citizen's first words, by their
            script.
    """

    assignee: None | str
    author_id: str
    author_name: None | str
    channel_id: UUID
    created_at: datetime.datetime
    id: UUID
    kind: ConversationReadKind
    last_message_at: datetime.datetime
    platform: str
    post_ref: str
    priority: ConversationReadPriority
    status: ConversationReadStatus
    tags: list[str]
    updated_at: datetime.datetime
    window_closes_at: datetime.datetime | None
    excerpt: None | str | Unset = UNSET
    group_id: None | Unset | UUID = UNSET
    language: ConversationReadLanguageType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        elif isinstance(self.language, ConversationReadLanguageType0):
            language = self.language.value
        else:
            language = self.language

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        kind = ConversationReadKind(d.pop("kind"))

        last_message_at = datetime.datetime.fromisoformat(d.pop("last_message_at"))

        platform = d.pop("platform")

        post_ref = d.pop("post_ref")

        priority = ConversationReadPriority(d.pop("priority"))

        status = ConversationReadStatus(d.pop("status"))

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
        ) -> ConversationReadLanguageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = ConversationReadLanguageType0(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationReadLanguageType0 | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        conversation_read = cls(
            assignee=assignee,
            author_id=author_id,
            author_name=author_name,
            channel_id=channel_id,
            created_at=created_at,
            id=id,
            kind=kind,
            last_message_at=last_message_at,
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
        )

        conversation_read.additional_properties = d
        return conversation_read

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
