import csv
import io
from collections.abc import AsyncIterator

import pytest
from starlette.requests import Request

from kit.csvout import csv_or_json, primed, read_cell, requested_format, safe_cell, write_csv


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("https://evil.example","x")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
    ],
)
def test_formula_like_text_is_written_as_text_and_read_back_unchanged(cell: str) -> None:
    written = write_csv([{"name": cell}], ["name"])
    [row] = list(csv.DictReader(io.StringIO(written, newline="")))
    assert row["name"] == "'" + cell
    assert read_cell(row["name"]) == cell


@pytest.mark.parametrize("value", ["-120", "+3.5", "-1e3", 42, -7, None, "温泉湯豆腐", "'quoted"])
def test_numbers_and_plain_text_are_left_alone(value: object) -> None:
    assert safe_cell(value) == value
    if isinstance(value, str):
        assert read_cell(value) == value


def test_keys_outside_the_fields_are_left_out_and_lines_end_in_crlf() -> None:
    assert write_csv([{"a": 1, "b": 2}], ["a"]) == "a\r\n1\r\n"


async def test_primed_stream_raises_a_failing_first_read_before_any_answer() -> None:
    async def failing() -> AsyncIterator[str]:
        raise ValueError("the first query failed")
        yield ""  # pragma: no cover - makes this an async generator

    with pytest.raises(ValueError, match="first query"):
        await primed(failing())


async def test_primed_stream_yields_every_chunk_once_in_order() -> None:
    async def chunks() -> AsyncIterator[str]:
        for text in ("a\r\n", "b\r\n", "c\r\n"):
            yield text

    assert [chunk async for chunk in await primed(chunks())] == ["a\r\n", "b\r\n", "c\r\n"]


def test_a_path_suffix_wins_over_the_format_parameter() -> None:
    def request(path: str) -> Request:
        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
        return Request({**scope, "scheme": "http", "server": ("town.example", 80)})

    assert requested_format(request("/v1/reports/overview.csv"), "json") == "csv"
    assert requested_format(request("/v1/reports/overview"), "csv") == "csv"
    assert requested_format(request("/v1/reports/overview"), "json") == "json"


def test_csv_or_json_answers_csv_rows_with_nested_values_as_json() -> None:
    body = {"items": [{"name": "=cmd", "tags": ["a", "b"]}]}
    answer = csv_or_json("csv", body, body["items"], "report")
    assert answer.headers["content-disposition"] == 'attachment; filename="report.csv"'
    assert answer.body.decode().splitlines() == ["name,tags", '\'=cmd,"[""a"", ""b""]"']
    assert csv_or_json("json", body, body["items"], "report") is body
