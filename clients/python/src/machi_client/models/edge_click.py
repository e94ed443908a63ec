from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edge_click_dimensions import EdgeClickDimensions


T = TypeVar("T", bound="EdgeClick")


@_attrs_define
class EdgeClick:
    """One request to `/r/{code}` as the edge saw it; the IP is used for the visitor hash and
    never stored.

        Attributes:
            click_id (str):
            code (str):
            occurred_at (datetime.datetime):
            country (str | Unset):  Default: ''.
            dimensions (EdgeClickDimensions | Unset):
            head (bool | Unset):  Default: False.
            ip (str | Unset):  Default: ''.
            language (str | Unset):  Default: ''.
            link_id (None | Unset | UUID):
            referer (str | Unset):  Default: ''.
            tenant_id (None | Unset | UUID):
            user_agent (str | Unset):  Default: ''.
    """

    click_id: str
    code: str
    occurred_at: datetime.datetime
    country: str | Unset = ""
    dimensions: EdgeClickDimensions | Unset = UNSET
    head: bool | Unset = False
    ip: str | Unset = ""
    language: str | Unset = ""
    link_id: None | Unset | UUID = UNSET
    referer: str | Unset = ""
    tenant_id: None | Unset | UUID = UNSET
    user_agent: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        click_id = self.click_id

        code = self.code

        occurred_at = self.occurred_at.isoformat()

        country = self.country

        dimensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dimensions, Unset):
            dimensions = self.dimensions.to_dict()

        head = self.head

        ip = self.ip

        language = self.language

        link_id: None | str | Unset
        if isinstance(self.link_id, Unset):
            link_id = UNSET
        elif isinstance(self.link_id, UUID):
            link_id = str(self.link_id)
        else:
            link_id = self.link_id

        referer = self.referer

        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        elif isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "click_id": click_id,
                "code": code,
                "occurred_at": occurred_at,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if head is not UNSET:
            field_dict["head"] = head
        if ip is not UNSET:
            field_dict["ip"] = ip
        if language is not UNSET:
            field_dict["language"] = language
        if link_id is not UNSET:
            field_dict["link_id"] = link_id
        if referer is not UNSET:
            field_dict["referer"] = referer
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edge_click_dimensions import EdgeClickDimensions

        d = dict(src_dict)
        click_id = d.pop("click_id")

        code = d.pop("code")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        country = d.pop("country", UNSET)

        _dimensions = d.pop("dimensions", UNSET)
        dimensions: EdgeClickDimensions | Unset
        if isinstance(_dimensions, Unset):
            dimensions = UNSET
        else:
            dimensions = EdgeClickDimensions.from_dict(_dimensions)

        head = d.pop("head", UNSET)

        ip = d.pop("ip", UNSET)

        language = d.pop("language", UNSET)

        def _parse_link_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                link_id_type_0 = UUID(data)

                return link_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        link_id = _parse_link_id(d.pop("link_id", UNSET))

        referer = d.pop("referer", UNSET)

        def _parse_tenant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id", UNSET))

        user_agent = d.pop("user_agent", UNSET)

        edge_click = cls(
            click_id=click_id,
            code=code,
            occurred_at=occurred_at,
            country=country,
            dimensions=dimensions,
            head=head,
            ip=ip,
            language=language,
            link_id=link_id,
            referer=referer,
            tenant_id=tenant_id,
            user_agent=user_agent,
        )

        edge_click.additional_properties = d
        return edge_click

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
