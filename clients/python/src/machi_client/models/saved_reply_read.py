from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.saved_reply_read_bodies import SavedReplyReadBodies


T = TypeVar("T", bound="SavedReplyRead")


@_attrs_define
class SavedReplyRead:
    """
    Attributes:
        bodies (SavedReplyReadBodies): The reply's text per language it has.
        created_at (datetime.datetime):
        id (UUID):
        title (str):
        updated_at (datetime.datetime):
    """

    bodies: SavedReplyReadBodies
    created_at: datetime.datetime
    id: UUID
    title: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bodies = self.bodies.to_dict()

        created_at = self.created_at.isoformat()

        id = str(self.id)

        title = self.title

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bodies": bodies,
                "created_at": created_at,
                "id": id,
                "title": title,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.saved_reply_read_bodies import SavedReplyReadBodies

        d = dict(src_dict)
        bodies = SavedReplyReadBodies.from_dict(d.pop("bodies"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        saved_reply_read = cls(
            bodies=bodies,
            created_at=created_at,
            id=id,
            title=title,
            updated_at=updated_at,
        )

        saved_reply_read.additional_properties = d
        return saved_reply_read

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
