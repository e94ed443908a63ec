from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.saved_reply_bodies import SavedReplyBodies


T = TypeVar("T", bound="SavedReplyUpdate")


@_attrs_define
class SavedReplyUpdate:
    """Fields left out stay; `bodies` replaces every language's text at once.

    Attributes:
        bodies (None | SavedReplyBodies | Unset):
        title (None | str | Unset):
    """

    bodies: None | SavedReplyBodies | Unset = UNSET
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.saved_reply_bodies import SavedReplyBodies

        bodies: dict[str, Any] | None | Unset
        if isinstance(self.bodies, Unset):
            bodies = UNSET
        elif isinstance(self.bodies, SavedReplyBodies):
            bodies = self.bodies.to_dict()
        else:
            bodies = self.bodies

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bodies is not UNSET:
            field_dict["bodies"] = bodies
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.saved_reply_bodies import SavedReplyBodies

        d = dict(src_dict)

        def _parse_bodies(data: object) -> None | SavedReplyBodies | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bodies_type_0 = SavedReplyBodies.from_dict(data)

                return bodies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SavedReplyBodies | Unset, data)

        bodies = _parse_bodies(d.pop("bodies", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        saved_reply_update = cls(
            bodies=bodies,
            title=title,
        )

        saved_reply_update.additional_properties = d
        return saved_reply_update

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
