from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_kind import ChannelKind
    from ..models.publishing_defaults import PublishingDefaults
    from ..models.template_spec import TemplateSpec


T = TypeVar("T", bound="PublisherSection")


@_attrs_define
class PublisherSection:
    """Versioned and tenant-free: no ids, credentials or products.

    Attributes:
        channels (list[ChannelKind] | Unset):
        settings (PublishingDefaults | Unset): The reusable publishing settings (the timezone travels with the tenant
            itself).
        templates (list[TemplateSpec] | Unset):
        version (int | Unset):  Default: 1.
    """

    channels: list[ChannelKind] | Unset = UNSET
    settings: PublishingDefaults | Unset = UNSET
    templates: list[TemplateSpec] | Unset = UNSET
    version: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        channels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.to_dict()
                channels.append(channels_item)

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        templates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.templates, Unset):
            templates = []
            for templates_item_data in self.templates:
                templates_item = templates_item_data.to_dict()
                templates.append(templates_item)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if channels is not UNSET:
            field_dict["channels"] = channels
        if settings is not UNSET:
            field_dict["settings"] = settings
        if templates is not UNSET:
            field_dict["templates"] = templates
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_kind import ChannelKind
        from ..models.publishing_defaults import PublishingDefaults
        from ..models.template_spec import TemplateSpec

        d = dict(src_dict)
        _channels = d.pop("channels", UNSET)
        channels: list[ChannelKind] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = ChannelKind.from_dict(channels_item_data)

                channels.append(channels_item)

        _settings = d.pop("settings", UNSET)
        settings: PublishingDefaults | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = PublishingDefaults.from_dict(_settings)

        _templates = d.pop("templates", UNSET)
        templates: list[TemplateSpec] | Unset = UNSET
        if _templates is not UNSET:
            templates = []
            for templates_item_data in _templates:
                templates_item = TemplateSpec.from_dict(templates_item_data)

                templates.append(templates_item)

        version = d.pop("version", UNSET)

        publisher_section = cls(
            channels=channels,
            settings=settings,
            templates=templates,
            version=version,
        )

        return publisher_section
