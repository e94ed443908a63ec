"""`make load`: a mixed load (browsing the public store, tracked redirects, the staff's API
writes, the store's order webhooks) on the all-in-one and on separate processes. Nothing may
err and nothing may be lost: every 302's click id is stored, every order answered "recorded"
is one conversion, and the rollups add up to both. Figures go to bench/results/load-<mode>.*.

LOAD_SECONDS (default 600) and LOAD_CONCURRENCY (default 16) size each run;
LOAD_GATEWAY_WORKERS (default 1) is the separate processes' gateway's `--workers`;
LOAD_ALL_WORKERS, when set, the all-in-one's (which then runs over RabbitMQ)."""

from __future__ import annotations

import asyncio
import json
import os
import platform as host
import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aio_pika
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests import procfs
from tests.e2e.processes import DATABASES

from .conftest import LoadPlatform, queue_names
from .mix import Outcome, run
from .world import Town, open_town

SECONDS = float(os.environ.get("LOAD_SECONDS", "600"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "16"))
RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"
SETTLE_SECONDS = 120  # for the last clicks' flush and the rollups after the run

pytestmark = [
    pytest.mark.load,
    pytest.mark.slow,
    pytest.mark.timeout(int(SECONDS * 2 + 1200)),  # start-up on a busy machine and settling
]


async def _rows(
    platform: LoadPlatform, sql: str, service: str, params: dict[str, object]
) -> list[Any]:
    """Rows of a service's database, read as its owner (no tenant scoping in the way)."""
    engine = create_async_engine(platform.settings.owner_url(service), poolclass=None)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text(sql), params)).all())
    finally:
        await engine.dispose()


def rows(
    platform: LoadPlatform, sql: str, service: str = "analytics", **params: object
) -> list[Any]:
    return asyncio.run(_rows(platform, sql, service, params))


async def connections(platform: LoadPlatform) -> tuple[int, int, int]:
    """The database server's connections: this platform's, everyone's, and its maximum (other
    suites share the server; a refused connection is a 500 here)."""
    ((ours, everyone, most),) = await _rows(
        platform,
        "SELECT count(*) FILTER (WHERE datname LIKE :prefix), count(*),"
        " current_setting('max_connections')::int FROM pg_stat_activity",
        "analytics",
        {"prefix": platform.settings.db_name_prefix + "%"},
    )
    return int(ours), int(everyone), int(most)


def resident_mb(platform: LoadPlatform) -> dict[str, float]:
    """Each running process's resident memory (VmRSS, with its workers'), in MB."""
    found: dict[str, float] = {}
    for name, proc in platform.machi.procs.items():
        mb = procfs.tree_resident_mb(proc.pid)
        if mb is not None:
            found[name] = round(mb, 1)
    return found


GENERATOR, POSTGRES = "load generator", "postgres server"


def postmaster(platform: LoadPlatform) -> int | None:
    """The Postgres server's main process, when it runs on this machine: the parent of its
    checkpointer, a child that lives as long as the server."""
    found = rows(platform, "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
    parent = procfs.parent_of(int(found[0][0])) if found else None
    return parent if parent and procfs.tree_seconds(parent) is not None else None


def cpu_seconds(platform: LoadPlatform, server: int | None) -> dict[str, float]:
    """CPU seconds so far of each platform process (with its workers), of this process (the
    load generator; its threads too) and of the whole Postgres server (everyone's backends)."""
    found: dict[str, float] = {}
    for name, proc in platform.machi.procs.items():
        seconds = procfs.tree_seconds(proc.pid)
        if seconds is not None:
            found[name] = seconds
    found[GENERATOR] = time.process_time()
    if server is not None and (seconds := procfs.tree_seconds(server)) is not None:
        found[POSTGRES] = seconds
    return found


def unpublished_events(platform: LoadPlatform) -> dict[str, int]:
    """Outbox rows each service's relay has not yet had confirmed by the bus."""
    return {
        service: rows(platform, "SELECT count(*) FROM outbox WHERE published_at IS NULL", service)[
            0
        ][0]
        for service in DATABASES
    }


async def _queued(amqp_url: str, names: list[str]) -> dict[str, int]:
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel()
        depths = {}
        for name in names:
            queue = await channel.declare_queue(name, passive=True)
            depths[name] = queue.declaration_result.message_count or 0
        return depths


def queued_messages(platform: LoadPlatform) -> dict[str, int]:
    """Messages waiting in each consumer's queue and dead-letter queue (split platform only)."""
    if platform.amqp_url is None:
        return {}
    names = queue_names(platform.events_prefix)
    return asyncio.run(_queued(platform.amqp_url, names))


def settled(check: Callable[[], Any], timeout: float = SETTLE_SECONDS) -> Any:
    """`check()` until it is truthy or the time is up; its last value either way."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(1)


def stored_clicks(platform: LoadPlatform, town: Town) -> tuple[set[str], set[str]]:
    found = rows(platform, "SELECT click_id, is_bot FROM clicks WHERE tenant_id = :t", t=town.id)
    return {c for c, bot in found if not bot}, {c for c, bot in found if bot}


def stored_orders(platform: LoadPlatform, town: Town) -> dict[str, str]:
    """order id -> attribution method of the town's Shopify conversions."""
    found = rows(
        platform,
        "SELECT order_id, method FROM conversions WHERE tenant_id = :t AND store = 'shopify'",
        t=town.id,
    )
    return {order: method for order, method in found}


def rolled_up(platform: LoadPlatform, town: Town) -> tuple[int, int, int]:
    """(clicks, bot clicks, orders) of the town's hour rollups, dimension `total`."""
    ((clicks, bots, orders),) = rows(
        platform,
        "SELECT coalesce(sum(clicks), 0), coalesce(sum(bot_clicks), 0), coalesce(sum(orders), 0)"
        " FROM rollups WHERE tenant_id = :t AND grain = 'hour' AND dim = 'total'",
        t=town.id,
    )
    return int(clicks), int(bots), int(orders)


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        )
        return out.stdout.strip()
    except OSError:
        return ""


def write_results(platform: LoadPlatform, outcome: Outcome, checks: dict[str, Any]) -> Path:
    """bench/results/load-<mode>.json and .md."""
    routes = {name: r.summary() for name, r in sorted(outcome.routes.items())}
    loads = [a[0] for a in outcome.load_averages]
    pg = {
        "ours_max": max(c[0] for c in outcome.connections),
        "server_max_seen": max(c[1] for c in outcome.connections),
        "max_connections": outcome.connections[0][2],
    }
    document = {
        "mode": platform.mode,
        "processes": platform.processes,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "cpus": os.cpu_count(),
        "python": host.python_version(),
        "seconds": round(outcome.seconds, 1),
        "concurrency": CONCURRENCY,
        "requests": outcome.requests,
        "rps": round(outcome.requests / outcome.seconds, 1),
        "errors": outcome.errors,
        "error_rate": outcome.errors / outcome.requests if outcome.requests else 0.0,
        "load_average_1m": {"start": loads[0], "max": max(loads), "end": loads[-1]},
        "postgres_connections": pg,
        "resident_mb": {
            "samples": [{"at_s": round(at, 1), **mb} for at, mb in outcome.memory],
            "start": outcome.memory[0][1],
            "max": {
                name: max(mb.get(name, 0.0) for _, mb in outcome.memory)
                for name in outcome.memory[-1][1]
            },
            "end": outcome.memory[-1][1],
        },
        "cpu_seconds": {name: round(s, 1) for name, s in sorted(outcome.cpu.items())},
        "checks": checks,
        "routes": routes,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"load-{platform.mode}.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"load-{platform.mode}.md").write_text(markdown(document))
    return path


TITLES = {
    "all": "all-in-one (`machi run --target=all`, memory bus)",
    "split": "separate processes over RabbitMQ",
}


def markdown(document: dict[str, Any]) -> str:
    """The short table of a run's JSON document."""
    loads, pg = document["load_average_1m"], document["postgres_connections"]
    lines = [
        f"# `make load`: {TITLES[document['mode']]}",
        "",
        f"{document['when']}, commit {document['commit']}, {document['cpus']} CPUs shared with"
        f" the load generator and other suites (1-min load average {loads['start']:.1f} at the"
        f" start, {loads['max']:.1f} at most). {document['seconds']:.0f} s,"
        f" {document['concurrency']} concurrent loops (closed loop: each sends its next request"
        f" when the last is answered). Postgres connections (sampled every 10 s): this"
        f" platform's up to {pg['ours_max']}, the server's up to {pg['server_max_seen']} of"
        f" {pg['max_connections']}.",
        "",
        f"Processes: {', '.join(document['processes'])}.",
        "",
        f"{document['requests']} requests, {document['rps']} rps, {document['errors']} errors.",
        "",
        "| route | requests | answers | errors | error rate | p50 ms | p90 ms | p99 ms | max ms |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in document["routes"].items():
        answers = ", ".join(f"{status}: {n}" for status, n in r["statuses"].items())
        lines.append(
            f"| `{name}` | {r['requests']} | {answers} | {r['errors']} | {r['error_rate']:.4%} |"
            f" {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['max_ms']} |"
        )
    memory = document["resident_mb"]
    lines += [
        "",
        "Resident memory (VmRSS, MB, a process with its workers, sampled every 10 s):",
        "",
        "| process | start | max | end |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {memory['start'].get(name, '')} | {memory['max'][name]} | {end} |"
        for name, end in memory["end"].items()
    ]
    lines += cpu_lines(document)
    lines += ["", "Nothing lost (sent by the load = stored by the platform):", ""]
    lines += [f"- {name}: {value}" for name, value in document["checks"].items()]
    return "\n".join(lines) + "\n"


def cpu_lines(document: dict[str, Any]) -> list[str]:
    """Where the machine's CPU went during the run, and what each request cost each party."""
    spent: dict[str, float] = document.get("cpu_seconds", {})
    if not spent:
        return []
    capacity = document["cpus"] * document["seconds"]
    requests = max(document["requests"], 1)
    lines = [
        "",
        f"CPU during the run ({document['cpus']} CPUs x {document['seconds']:.0f} s ="
        f" {capacity:.0f} CPU-seconds; the Postgres server's figure holds every client's"
        " backends, other suites' too):",
        "",
        "| party | CPU seconds | share of the machine | CPU ms per request |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in spent.items():
        lines.append(
            f"| {name} | {seconds:.1f} | {seconds / capacity:.0%} |"
            f" {1000 * seconds / requests:.2f} |"
        )
    total = sum(spent.values())
    per_request = 1000 * total / requests
    lines.append(f"| all of the above | {total:.1f} | {total / capacity:.0%} | {per_request:.2f} |")
    return lines


def load_and_check(platform: LoadPlatform, capsys: pytest.CaptureFixture[str]) -> None:
    town = open_town(platform)

    def say(line: str) -> None:
        with capsys.disabled():
            print(f"[load {platform.mode}] {line}", flush=True)

    say(f"town {town.slug} ready; {SECONDS:.0f} s at concurrency {CONCURRENCY}")
    server = postmaster(platform)
    outcome = asyncio.run(
        run(
            platform.url,
            town,
            SECONDS,
            CONCURRENCY,
            say,
            lambda: connections(platform),
            lambda: resident_mb(platform),
            lambda: cpu_seconds(platform, server),
        )
    )
    sent_clicks, sent_bots = outcome.ledger.clicks, outcome.ledger.bot_clicks
    orders = outcome.ledger.orders

    def all_clicks() -> tuple[set[str], set[str]] | None:
        found = stored_clicks(platform, town)
        return found if found[0] >= sent_clicks and found[1] >= sent_bots else None

    clicks, bots = settled(all_clicks) or stored_clicks(platform, town)
    conversions = stored_orders(platform, town)
    expected_rollup = (len(clicks), len(bots), len(conversions))
    rollup = settled(lambda: (r := rolled_up(platform, town)) == expected_rollup and r) or (
        rolled_up(platform, town)
    )
    settled(lambda: not any(unpublished_events(platform).values()))
    events = unpublished_events(platform)
    settled(lambda: not any(queued_messages(platform).values()))
    queued = queued_messages(platform)
    checks = {
        "browser 302s sent": len(sent_clicks),
        "browser clicks stored": len(clicks),
        "browser click ids missing": len(sent_clicks - clicks),
        "stored clicks no 302 handed out": len(clicks - sent_clicks),
        "crawler 302s sent": len(sent_bots),
        "crawler clicks stored (flagged bot)": len(bots),
        "orders answered recorded": len(orders),
        "conversions stored": len(conversions),
        "conversions attributed by click id": sum(m == "click_id" for m in conversions.values()),
        "replays answered duplicate": outcome.ledger.duplicates,
        "rollup clicks / bot clicks / orders": list(rollup),
        "events left in the outboxes": sum(events.values()),
        "messages left in queues, retry and dead-letter queues": sum(queued.values()),
    }
    write_results(platform, outcome, checks)
    say(json.dumps(checks))
    failing = {n: r.summary() for n, r in outcome.routes.items() if r.errors}
    assert outcome.errors == 0, json.dumps(failing, indent=2, ensure_ascii=False)
    assert clicks == sent_clicks, checks
    assert bots == sent_bots, checks
    assert set(conversions) == orders, checks
    assert all(m == "click_id" for m in conversions.values()), checks
    assert tuple(rollup) == (len(sent_clicks), len(sent_bots), len(orders)), checks
    assert not any(events.values()), events
    assert not any(queued.values()), {n: d for n, d in queued.items() if d}


def test_all_in_one_under_mixed_load_errs_never_and_loses_nothing(
    load_all_in_one: LoadPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    load_and_check(load_all_in_one, capsys)


def test_separate_processes_under_mixed_load_err_never_and_lose_nothing(
    load_split: LoadPlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    load_and_check(load_split, capsys)
