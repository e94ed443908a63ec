"""One registry (kit.problems) holds every problem type any Machi process answers with."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.errors import ProblemError
from kit.problems import PROBLEM_TYPES

PACKAGES = ("kit", "catalog", "publisher", "analytics", "gateway")
ROOT = Path(__file__).resolve().parents[1]


def _subclasses(cls: type[ProblemError]) -> Iterator[type[ProblemError]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _every_error() -> list[type[ProblemError]]:
    for name in PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            if ".migrations" not in module.name and ".testing" not in module.name:
                importlib.import_module(module.name)
    return [ProblemError, *_subclasses(ProblemError)]


@pytest.mark.parametrize("error", _every_error(), ids=lambda e: f"{e.__module__}.{e.__name__}")
def test_every_error_class_has_a_row_with_its_status(error: type[ProblemError]) -> None:
    row = PROBLEM_TYPES.get(error.type)
    assert row is not None, f"{error.type} is not in kit.problems"
    assert row.status in (error.status, None)


def test_every_slug_rendered_by_hand_has_a_row() -> None:
    """`problem(status, "<slug>", ...)` calls outside the error classes (kit.http, middleware)."""
    called = re.compile(
        r"problem\(\s*\d+,\s*\"([a-z-]+)\"|\.get\(\s*exc\.status_code, \"([a-z-]+)\""
    )
    mapped = re.compile(r"\d{3}: \"([a-z-]+)\"")
    found: set[str] = set()
    for source in [*ROOT.glob("kit/src/kit/**/*.py"), *ROOT.glob("gateway/src/gateway/**/*.py")]:
        text = source.read_text()
        for match in called.finditer(text):
            found.add(match.group(1) or match.group(2))
        if source.name == "http.py":
            found.update(mapped.findall(text))
    assert {"validation-error", "internal-error", "payload-too-large"} <= found
    assert found - set(PROBLEM_TYPES) == set()
