from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_cadence import TemplateCadence


T = TypeVar("T", bound="TemplateRead")


@_attrs_define
class TemplateRead:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        template (str):
        updated_at (datetime.datetime):
        cadence (TemplateCadence | Unset): A campaign cadence without its start date (each campaign picks its own).
        language (str | Unset):  Default: 'ja'.
    """

    created_at: datetime.datetime
    id: UUID
    name: str
    template: str
    updated_at: datetime.datetime
    cadence: TemplateCadence | Unset = UNSET
    language: str | Unset = "ja"

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_cadence import TemplateCadence

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

        template_read = cls(
            created_at=created_at,
            id=id,
            name=name,
            template=template,
            updated_at=updated_at,
            cadence=cadence,
            language=language,
        )

        return template_read
