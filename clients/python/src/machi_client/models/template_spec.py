from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_cadence import TemplateCadence
    from ..models.template_spec_platform_texts import TemplateSpecPlatformTexts


T = TypeVar("T", bound="TemplateSpec")


@_attrs_define
class TemplateSpec:
    """
    Attributes:
        name (str):
        template (str): Fields: {name} {producer} {price} {story} {season} {slug}; {link} marks the buy link.
        cadence (TemplateCadence | Unset): A campaign cadence without its start date (each campaign picks its own).
        language (str | Unset):  Default: 'ja'.
        platform_texts (TemplateSpecPlatformTexts | Unset): A platform's own wording, used on its channels instead of
            `template`.
    """

    name: str
    template: str
    cadence: TemplateCadence | Unset = UNSET
    language: str | Unset = "ja"
    platform_texts: TemplateSpecPlatformTexts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        template = self.template

        cadence: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cadence, Unset):
            cadence = self.cadence.to_dict()

        language = self.language

        platform_texts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.platform_texts, Unset):
            platform_texts = self.platform_texts.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "template": template,
            }
        )
        if cadence is not UNSET:
            field_dict["cadence"] = cadence
        if language is not UNSET:
            field_dict["language"] = language
        if platform_texts is not UNSET:
            field_dict["platform_texts"] = platform_texts

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_cadence import TemplateCadence
        from ..models.template_spec_platform_texts import TemplateSpecPlatformTexts

        d = dict(src_dict)
        name = d.pop("name")

        template = d.pop("template")

        _cadence = d.pop("cadence", UNSET)
        cadence: TemplateCadence | Unset
        if isinstance(_cadence, Unset):
            cadence = UNSET
        else:
            cadence = TemplateCadence.from_dict(_cadence)

        language = d.pop("language", UNSET)

        _platform_texts = d.pop("platform_texts", UNSET)
        platform_texts: TemplateSpecPlatformTexts | Unset
        if isinstance(_platform_texts, Unset):
            platform_texts = UNSET
        else:
            platform_texts = TemplateSpecPlatformTexts.from_dict(_platform_texts)

        template_spec = cls(
            name=name,
            template=template,
            cadence=cadence,
            language=language,
            platform_texts=platform_texts,
        )

        return template_spec
