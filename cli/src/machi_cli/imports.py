"""`machi import`: upload a catalog CSV through the gateway and follow it with a progress bar."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

FINISHED = {"succeeded", "failed"}


def authenticate(
    http: httpx.Client, api_key: str | None, email: str | None, password: str | None
) -> None:
    """Put the caller's credentials on `http`: an API key, or a password login."""
    if api_key:
        http.headers["X-API-Key"] = api_key
        return
    if not (email and password):
        raise SystemExit("give --api-key (or MACHI_API_KEY), or --email and --password")
    login = http.post("/v1/auth/token", json={"email": email, "password": password})
    if login.status_code != 200:
        raise SystemExit(f"login failed: {login.json().get('detail', login.text)}")
    http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"


def upload_and_follow(
    http: httpx.Client, path: Path, poll_seconds: float = 0.5, *, publish: bool = False
) -> dict[str, Any]:
    """Upload `path` (to be published when `publish`), show its progress until it finishes,
    and return the final import."""
    form = {"publish": "true"} if publish else {}
    with path.open("rb") as handle:
        created = http.post(
            "/v1/imports", data=form, files={"file": (path.name, handle, "text/csv")}
        )
    if created.status_code >= 400:
        raise SystemExit(f"upload refused ({created.status_code}): {created.text}")
    state: dict[str, Any] = created.json()
    columns = (
        TextColumn("{task.description:<10}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.completed}/{task.total} rows"),
        TimeElapsedColumn(),
    )
    with Progress(*columns) as progress:
        task = progress.add_task(state["status"], total=max(state["total_rows"], 1))
        while state["status"] not in FINISHED:
            time.sleep(poll_seconds)
            response = http.get(f"/v1/imports/{state['id']}")
            response.raise_for_status()
            state = response.json()
            progress.update(
                task,
                description=state["status"],
                completed=state["processed_rows"],
                total=max(state["total_rows"], 1),
            )
        progress.update(task, completed=max(state["total_rows"], 1))
    return state


def report(state: dict[str, Any], console: Console) -> None:
    """Print the outcome: a summary, or each bad row with its column and reason."""
    if state["status"] == "succeeded":
        console.print(f"[green]imported[/green] {state['total_rows']} rows: {state['summary']}")
        return
    table = Table("row", "column", "reason", title="Nothing was imported; fix these rows")
    for error in state["errors"]:
        table.add_row(str(error["row"]), error["column"], error["reason"])
    console.print(table)
