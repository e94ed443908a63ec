from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.saved_reply_bodies import SavedReplyBodies


T = TypeVar("T", bound="SavedReplyCreate")


@_attrs_define
class SavedReplyCreate:
    """
    Attributes:
        bodies (SavedReplyBodies): A saved reply's words per language; at least one.
        title (str): What the staff pick it by.
    """

    bodies: SavedReplyBodies
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bodies = self.bodies.to_dict()

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bodies": bodies,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.saved_reply_bodies import SavedReplyBodies

        d = dict(src_dict)
        bodies = SavedReplyBodies.from_dict(d.pop("bodies"))

        title = d.pop("title")

        saved_reply_create = cls(
            bodies=bodies,
            title=title,
        )

        saved_reply_create.additional_properties = d
        return saved_reply_create

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
