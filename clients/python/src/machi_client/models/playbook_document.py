from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.playbook_document_sections import PlaybookDocumentSections
    from ..models.playbook_document_source import PlaybookDocumentSource
    from ..models.playbook_document_tenant import PlaybookDocumentTenant
    from ..models.playbook_skipped import PlaybookSkipped


T = TypeVar("T", bound="PlaybookDocument")


@_attrs_define
class PlaybookDocument:
    """A tenant's reusable model: its settings and each service's section (`machi.playbook`).

    Attributes:
        exported_at (datetime.datetime):
        format_ (Literal['machi.playbook']):
        sections (PlaybookDocumentSections): By service (catalog, publisher, analytics); null when skipped.
        skipped (list[PlaybookSkipped]):
        source (PlaybookDocumentSource): Where it came from: the town's `slug`.
        tenant (PlaybookDocumentTenant): timezone, country, locales, fallback_locale, currency, plan
        version (int):
    """

    exported_at: datetime.datetime
    format_: Literal["machi.playbook"]
    sections: PlaybookDocumentSections
    skipped: list[PlaybookSkipped]
    source: PlaybookDocumentSource
    tenant: PlaybookDocumentTenant
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at.isoformat()

        format_ = self.format_

        sections = self.sections.to_dict()

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        source = self.source.to_dict()

        tenant = self.tenant.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exported_at": exported_at,
                "format": format_,
                "sections": sections,
                "skipped": skipped,
                "source": source,
                "tenant": tenant,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.playbook_document_sections import PlaybookDocumentSections
        from ..models.playbook_document_source import PlaybookDocumentSource
        from ..models.playbook_document_tenant import PlaybookDocumentTenant
        from ..models.playbook_skipped import PlaybookSkipped

        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        format_ = cast(Literal["machi.playbook"], d.pop("format"))
        if format_ != "machi.playbook":
            raise ValueError(
                f"format must match const 'machi.playbook', got '{format_}'"
            )

        sections = PlaybookDocumentSections.from_dict(d.pop("sections"))

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = PlaybookSkipped.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        source = PlaybookDocumentSource.from_dict(d.pop("source"))

        tenant = PlaybookDocumentTenant.from_dict(d.pop("tenant"))

        version = d.pop("version")

        playbook_document = cls(
            exported_at=exported_at,
            format_=format_,
            sections=sections,
            skipped=skipped,
            source=source,
            tenant=tenant,
            version=version,
        )

        playbook_document.additional_properties = d
        return playbook_document

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
