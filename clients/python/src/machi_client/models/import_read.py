from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_read_summary import ImportReadSummary
    from ..models.row_error_read import RowErrorRead


T = TypeVar("T", bound="ImportRead")


@_attrs_define
class ImportRead:
    """An import's progress and report: `status` pending -> validating -> applying ->
    succeeded | failed; `processed_rows` of `total_rows` counts within the current phase.

        Attributes:
            created_at (datetime.datetime):
            errors (list[RowErrorRead]):
            filename (None | str):
            id (UUID):
            processed_rows (int):
            progress (float): Share of the current phase done, 0.0 to 1.0.
            status (str):
            summary (ImportReadSummary):
            total_rows (int):
            updated_at (datetime.datetime):
            publish (bool | Unset): Publishes what the file creates or updates (`publish=true`) Default: False.
    """

    created_at: datetime.datetime
    errors: list[RowErrorRead]
    filename: None | str
    id: UUID
    processed_rows: int
    progress: float
    status: str
    summary: ImportReadSummary
    total_rows: int
    updated_at: datetime.datetime
    publish: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        filename: None | str
        filename = self.filename

        id = str(self.id)

        processed_rows = self.processed_rows

        progress = self.progress

        status = self.status

        summary = self.summary.to_dict()

        total_rows = self.total_rows

        updated_at = self.updated_at.isoformat()

        publish = self.publish

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "errors": errors,
                "filename": filename,
                "id": id,
                "processed_rows": processed_rows,
                "progress": progress,
                "status": status,
                "summary": summary,
                "total_rows": total_rows,
                "updated_at": updated_at,
            }
        )
        if publish is not UNSET:
            field_dict["publish"] = publish

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_read_summary import ImportReadSummary
        from ..models.row_error_read import RowErrorRead

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = RowErrorRead.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))

        id = UUID(d.pop("id"))

        processed_rows = d.pop("processed_rows")

        progress = d.pop("progress")

        status = d.pop("status")

        summary = ImportReadSummary.from_dict(d.pop("summary"))

        total_rows = d.pop("total_rows")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        publish = d.pop("publish", UNSET)

        import_read = cls(
            created_at=created_at,
            errors=errors,
            filename=filename,
            id=id,
            processed_rows=processed_rows,
            progress=progress,
            status=status,
            summary=summary,
            total_rows=total_rows,
            updated_at=updated_at,
            publish=publish,
        )

        import_read.additional_properties = d
        return import_read

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
