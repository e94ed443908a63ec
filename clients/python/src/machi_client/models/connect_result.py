from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.connect_result_stage import ConnectResultStage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_read import ChannelRead
    from ..models.choice import Choice


T = TypeVar("T", bound="ConnectResult")


@_attrs_define
class ConnectResult:
    """
    Attributes:
        connection_id (UUID):
        stage (ConnectResultStage):
        channels (list[ChannelRead] | Unset):
        choices (list[Choice] | Unset):
    """

    connection_id: UUID
    stage: ConnectResultStage
    channels: list[ChannelRead] | Unset = UNSET
    choices: list[Choice] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        connection_id = str(self.connection_id)

        stage = self.stage.value

        channels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.to_dict()
                channels.append(channels_item)

        choices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = []
            for choices_item_data in self.choices:
                choices_item = choices_item_data.to_dict()
                choices.append(choices_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "connection_id": connection_id,
                "stage": stage,
            }
        )
        if channels is not UNSET:
            field_dict["channels"] = channels
        if choices is not UNSET:
            field_dict["choices"] = choices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_read import ChannelRead
        from ..models.choice import Choice

        d = dict(src_dict)
        connection_id = UUID(d.pop("connection_id"))

        stage = ConnectResultStage(d.pop("stage"))

        _channels = d.pop("channels", UNSET)
        channels: list[ChannelRead] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = ChannelRead.from_dict(channels_item_data)

                channels.append(channels_item)

        _choices = d.pop("choices", UNSET)
        choices: list[Choice] | Unset = UNSET
        if _choices is not UNSET:
            choices = []
            for choices_item_data in _choices:
                choices_item = Choice.from_dict(choices_item_data)

                choices.append(choices_item)

        connect_result = cls(
            connection_id=connection_id,
            stage=stage,
            channels=channels,
            choices=choices,
        )

        connect_result.additional_properties = d
        return connect_result

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
