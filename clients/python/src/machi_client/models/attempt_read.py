from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attempt_read_rate_limit import AttemptReadRateLimit


T = TypeVar("T", bound="AttemptRead")


@_attrs_define
class AttemptRead:
    """
    Attributes:
        at (datetime.datetime):
        code (None | str):
        duration_ms (int):
        http_status (int | None):
        message (None | str):
        outcome (str):
        phase (str):
        rate_limit (AttemptReadRateLimit):
        subcode (None | str):
    """

    at: datetime.datetime
    code: None | str
    duration_ms: int
    http_status: int | None
    message: None | str
    outcome: str
    phase: str
    rate_limit: AttemptReadRateLimit
    subcode: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        code: None | str
        code = self.code

        duration_ms = self.duration_ms

        http_status: int | None
        http_status = self.http_status

        message: None | str
        message = self.message

        outcome = self.outcome

        phase = self.phase

        rate_limit = self.rate_limit.to_dict()

        subcode: None | str
        subcode = self.subcode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "code": code,
                "duration_ms": duration_ms,
                "http_status": http_status,
                "message": message,
                "outcome": outcome,
                "phase": phase,
                "rate_limit": rate_limit,
                "subcode": subcode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attempt_read_rate_limit import AttemptReadRateLimit

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        duration_ms = d.pop("duration_ms")

        def _parse_http_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        http_status = _parse_http_status(d.pop("http_status"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        outcome = d.pop("outcome")

        phase = d.pop("phase")

        rate_limit = AttemptReadRateLimit.from_dict(d.pop("rate_limit"))

        def _parse_subcode(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subcode = _parse_subcode(d.pop("subcode"))

        attempt_read = cls(
            at=at,
            code=code,
            duration_ms=duration_ms,
            http_status=http_status,
            message=message,
            outcome=outcome,
            phase=phase,
            rate_limit=rate_limit,
            subcode=subcode,
        )

        attempt_read.additional_properties = d
        return attempt_read

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
