"""The committed client is what the generator makes of the committed openapi.json."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parents[1]
ROOT = CLIENT.parents[1]
PACKAGE = CLIENT / "src" / "machi_client"
REFRESH = "make client"


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by its relative path, caches left out."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.slow
def test_committed_client_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = tmp_path / "machi_client"
    # The generator's formatting hooks call `ruff`: the one installed beside this interpreter.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        [
            *(sys.executable, "-m", "openapi_python_client", "generate"),
            *("--path", str(ROOT / "openapi.json")),
            *("--config", str(CLIENT / "config.yaml")),
            *("--meta", "none", "--output-path", str(fresh), "--fail-on-warning"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 0, f"the generator failed on openapi.json:\n{run.stdout}{run.stderr}"
    (fresh / "py.typed").touch()  # as `make client` does: the generator adds it only with metadata
    committed, generated = files(PACKAGE), files(fresh)
    differ = sorted(
        name
        for name in committed.keys() | generated.keys()
        if committed.get(name) != generated.get(name)
    )
    assert differ == [], (
        f"clients/python/src/machi_client is not what openapi.json generates ({len(differ)} files"
        f" differ, first {differ[:5]}): run `{REFRESH}` and commit the result"
    )


def test_every_generated_module_imports() -> None:
    # A generator bug can write a module that names what it never imports (0.29 did so for a
    # body with two media types): fail here rather than in the first caller.
    import machi_client

    names = [m.name for m in pkgutil.walk_packages(machi_client.__path__, "machi_client.")]
    assert len(names) > 100, names
    for name in names:
        importlib.import_module(name)
