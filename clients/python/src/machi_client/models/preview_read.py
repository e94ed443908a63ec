from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_preview import ChannelPreview


T = TypeVar("T", bound="PreviewRead")


@_attrs_define
class PreviewRead:
    """
    Attributes:
        channels (list[ChannelPreview]):
        valid (bool):
        product_unavailable (None | str | Unset): Why the post's product cannot be had now (sold out, archived): a
            delivery about it is skipped at send time unless that changes.
    """

    channels: list[ChannelPreview]
    valid: bool
    product_unavailable: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        valid = self.valid

        product_unavailable: None | str | Unset
        if isinstance(self.product_unavailable, Unset):
            product_unavailable = UNSET
        else:
            product_unavailable = self.product_unavailable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channels": channels,
                "valid": valid,
            }
        )
        if product_unavailable is not UNSET:
            field_dict["product_unavailable"] = product_unavailable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_preview import ChannelPreview

        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = ChannelPreview.from_dict(channels_item_data)

            channels.append(channels_item)

        valid = d.pop("valid")

        def _parse_product_unavailable(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_unavailable = _parse_product_unavailable(
            d.pop("product_unavailable", UNSET)
        )

        preview_read = cls(
            channels=channels,
            valid=valid,
            product_unavailable=product_unavailable,
        )

        preview_read.additional_properties = d
        return preview_read

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
