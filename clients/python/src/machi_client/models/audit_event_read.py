from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """One recorded action: who (`user:<id>` or `key:<id>`), what, on which target, when, from
    which address, under which request id; settings changes carry `before` and `after`.

        Attributes:
            action (str):
            actor (str):
            created_at (datetime.datetime):
            id (UUID):
            ip (str):
            method (str):
            path (str):
            request_id (str):
            status (int | None):
            target (str):
            tenant_id (None | UUID):
            after (Any | None | Unset):
            before (Any | None | Unset):
    """

    action: str
    actor: str
    created_at: datetime.datetime
    id: UUID
    ip: str
    method: str
    path: str
    request_id: str
    status: int | None
    target: str
    tenant_id: None | UUID
    after: Any | None | Unset = UNSET
    before: Any | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        created_at = self.created_at.isoformat()

        id = str(self.id)

        ip = self.ip

        method = self.method

        path = self.path

        request_id = self.request_id

        status: int | None
        status = self.status

        target = self.target

        tenant_id: None | str
        if isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        after: Any | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        else:
            after = self.after

        before: Any | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        else:
            before = self.before

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "created_at": created_at,
                "id": id,
                "ip": ip,
                "method": method,
                "path": path,
                "request_id": request_id,
                "status": status,
                "target": target,
                "tenant_id": tenant_id,
            }
        )
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        ip = d.pop("ip")

        method = d.pop("method")

        path = d.pop("path")

        request_id = d.pop("request_id")

        def _parse_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status = _parse_status(d.pop("status"))

        target = d.pop("target")

        def _parse_tenant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id"))

        def _parse_after(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))

        def _parse_before(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        before = _parse_before(d.pop("before", UNSET))

        audit_event_read = cls(
            action=action,
            actor=actor,
            created_at=created_at,
            id=id,
            ip=ip,
            method=method,
            path=path,
            request_id=request_id,
            status=status,
            target=target,
            tenant_id=tenant_id,
            after=after,
            before=before,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
