from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.playbook_document_sections_additional_property_type_0 import (
        PlaybookDocumentSectionsAdditionalPropertyType0,
    )


T = TypeVar("T", bound="PlaybookDocumentSections")


@_attrs_define
class PlaybookDocumentSections:
    """By service (catalog, publisher, analytics); null when skipped."""

    additional_properties: dict[
        str, None | PlaybookDocumentSectionsAdditionalPropertyType0
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.playbook_document_sections_additional_property_type_0 import (
            PlaybookDocumentSectionsAdditionalPropertyType0,
        )

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, PlaybookDocumentSectionsAdditionalPropertyType0):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.playbook_document_sections_additional_property_type_0 import (
            PlaybookDocumentSectionsAdditionalPropertyType0,
        )

        d = dict(src_dict)
        playbook_document_sections = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> None | PlaybookDocumentSectionsAdditionalPropertyType0:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_0 = (
                        PlaybookDocumentSectionsAdditionalPropertyType0.from_dict(data)
                    )

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    None | PlaybookDocumentSectionsAdditionalPropertyType0, data
                )

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        playbook_document_sections.additional_properties = additional_properties
        return playbook_document_sections

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> None | PlaybookDocumentSectionsAdditionalPropertyType0:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: None | PlaybookDocumentSectionsAdditionalPropertyType0
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
