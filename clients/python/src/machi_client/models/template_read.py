from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_cadence import TemplateCadence
    from ..models.template_read_platform_texts import TemplateReadPlatformTexts


T = TypeVar("T", bound="TemplateRead")


@_attrs_define
class TemplateRead:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        template (str): Fields: {name} {producer} {price} {story} {season} {slug}; {link} marks the buy link.
        updated_at (datetime.datetime):
        cadence (TemplateCadence | Unset): A campaign cadence without its start date (each campaign picks its own).
        language (str | Unset):  Default: 'ja'.
        platform_texts (TemplateReadPlatformTexts | Unset): A platform's own wording, used on its channels instead of
            `template`.
    """

    created_at: datetime.datetime
    id: UUID
    name: str
    template: str
    updated_at: datetime.datetime
    cadence: TemplateCadence | Unset = UNSET
    language: str | Unset = "ja"
    platform_texts: TemplateReadPlatformTexts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        template = self.template

        updated_at = self.updated_at.isoformat()

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
                "created_at": created_at,
                "id": id,
                "name": name,
                "template": template,
                "updated_at": updated_at,
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
        from ..models.template_read_platform_texts import TemplateReadPlatformTexts

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        template = d.pop("template")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _cadence = d.pop("cadence", UNSET)
        cadence: TemplateCadence | Unset
        if isinstance(_cadence, Unset):
            cadence = UNSET
        else:
            cadence = TemplateCadence.from_dict(_cadence)

        language = d.pop("language", UNSET)

        _platform_texts = d.pop("platform_texts", UNSET)
        platform_texts: TemplateReadPlatformTexts | Unset
        if isinstance(_platform_texts, Unset):
            platform_texts = UNSET
        else:
            platform_texts = TemplateReadPlatformTexts.from_dict(_platform_texts)

        template_read = cls(
            created_at=created_at,
            id=id,
            name=name,
            template=template,
            updated_at=updated_at,
            cadence=cadence,
            language=language,
            platform_texts=platform_texts,
        )

        return template_read
