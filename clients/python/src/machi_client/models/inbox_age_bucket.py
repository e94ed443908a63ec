from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InboxAgeBucket")


@_attrs_define
class InboxAgeBucket:
    """Conversations not closed at `as_of` whose first words are this old.

    Attributes:
        from_seconds (int):
        label (str):
        still_open (int):
        to_seconds (int | None):
        unanswered (int): Of those, the ones no staff reply had reached yet.
    """

    from_seconds: int
    label: str
    still_open: int
    to_seconds: int | None
    unanswered: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_seconds = self.from_seconds

        label = self.label

        still_open = self.still_open

        to_seconds: int | None
        to_seconds = self.to_seconds

        unanswered = self.unanswered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_seconds": from_seconds,
                "label": label,
                "still_open": still_open,
                "to_seconds": to_seconds,
                "unanswered": unanswered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from_seconds = d.pop("from_seconds")

        label = d.pop("label")

        still_open = d.pop("still_open")

        def _parse_to_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_seconds = _parse_to_seconds(d.pop("to_seconds"))

        unanswered = d.pop("unanswered")

        inbox_age_bucket = cls(
            from_seconds=from_seconds,
            label=label,
            still_open=still_open,
            to_seconds=to_seconds,
            unanswered=unanswered,
        )

        inbox_age_bucket.additional_properties = d
        return inbox_age_bucket

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
