from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_producer_name_type_1 import PublicProducerNameType1
    from ..models.public_producer_story_type_1 import PublicProducerStoryType1


T = TypeVar("T", bound="PublicProducer")


@_attrs_define
class PublicProducer:
    """
    Attributes:
        id (UUID):
        kind (str):
        name (PublicProducerNameType1 | str): The text in the visitor's language; `{}` when there is none.
        story (PublicProducerStoryType1 | str): The text in the visitor's language; `{}` when there is none.
    """

    id: UUID
    kind: str
    name: PublicProducerNameType1 | str
    story: PublicProducerStoryType1 | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_producer_name_type_1 import PublicProducerNameType1
        from ..models.public_producer_story_type_1 import PublicProducerStoryType1

        id = str(self.id)

        kind = self.kind

        name: dict[str, Any] | str
        if isinstance(self.name, PublicProducerNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        story: dict[str, Any] | str
        if isinstance(self.story, PublicProducerStoryType1):
            story = self.story.to_dict()
        else:
            story = self.story

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "story": story,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.public_producer_name_type_1 import PublicProducerNameType1
        from ..models.public_producer_story_type_1 import PublicProducerStoryType1

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_name(data: object) -> PublicProducerNameType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = PublicProducerNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicProducerNameType1 | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_story(data: object) -> PublicProducerStoryType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                story_type_1 = PublicProducerStoryType1.from_dict(data)

                return story_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicProducerStoryType1 | str, data)

        story = _parse_story(d.pop("story"))

        public_producer = cls(
            id=id,
            kind=kind,
            name=name,
            story=story,
        )

        public_producer.additional_properties = d
        return public_producer

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
