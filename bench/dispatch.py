"""Dispatch throughput and lateness: 10,000 deliveries due across 400 channels on a fake platform
answering in 50 ms, against the ideal (concurrency / latency) and a bare httpx loop at the same
concurrency on the same fake, both measured in the same run.

Machi path: the real `publisher.dispatch.service.Dispatcher` on the jobs role, as the dispatch
job runs it (`run_until_idle`): claims batches with FOR UPDATE SKIP LOCKED across tenants and
loads each batch in one query, keeps `concurrency` deliveries in flight, writes their
`committing` marks and their outcomes (published state, attempts, outbox event, the post's
derived status) by group commit. `bench/results/dispatch-before.json` holds the figures of the
dispatcher before batching (one transaction per step per delivery, batch-at-a-time).
Fake platform: Facebook's `POST /{page}/feed` in a separate process, 50 ms per answer, counting
what it published so duplicates can be counted.

Photos: a second run publishes a fifth as many deliveries, each post with two photos: the
dispatcher uploads both as unpublished Page photos in prepare (`POST /{page}/photos`, 50 ms each,
each id written to the delivery as it comes) and publishes the feed post with them attached, so
a delivery costs three platform calls; uploads and posts are counted on the platform.

    uv run python -m bench.dispatch [N] [CHANNELS] [CONCURRENCY]
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import asyncpg
import httpx

from kit import migrations
from kit.db import Database
from kit.events.outbox import SOURCE_KEY
from kit.secrets import Sealer
from kit.settings import MachiSettings
from publisher.dispatch.service import Dispatcher
from publisher.platforms import registry
from publisher.platforms.http import ClientPool
from publisher.settings import PublisherSettings

SERVICE = "publisher"
LATENCY = 0.05
TENANTS = 4
KEY = "YmVuY2gta2V5LW9mLXRoZS1wdWJsaXNoZXItYmVuY2g="


def fake_platform(port: int) -> None:
    """Graph API `POST /{page}/feed` and `POST /{page}/photos` answering in 50 ms, as a bare ASGI
    app in its own process so that neither its CPU nor a framework's overhead is charged to the
    dispatcher."""
    import uvicorn

    published: dict[str, int] = {}
    uploads, with_photos = [0], [0]
    sequence: dict[str, list[int]] = {}  # page -> delivery numbers in the order they arrived

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        path = scope["path"]
        if scope["method"] == "POST" and path.endswith("/photos"):
            await asyncio.sleep(LATENCY)
            uploads[0] += 1
            answer: dict[str, Any] = {"id": f"photo_{uploads[0]}"}
        elif scope["method"] == "POST" and path.endswith("/feed"):
            await asyncio.sleep(LATENCY)
            form = parse_qs(body.decode())
            text = form.get("message", [""])[0]
            published[text] = published.get(text, 0) + 1
            if text.startswith("bench delivery "):
                number = int(text.split()[2])
                sequence.setdefault(path.split("/")[1], []).append(number)
            if "attached_media[0]" in form:
                with_photos[0] += 1
            answer = {"id": f"{path.split('/')[1]}_{len(published)}"}
        elif path == "/reset":
            published.clear()
            sequence.clear()
            uploads[0] = with_photos[0] = 0
            answer = {}
        else:
            answer = {
                "posts": sum(published.values()),
                "unique": len(published),
                "uploads": uploads[0],
                "posts_with_photos": with_photos[0],
                "pages_out_of_order": sum(1 for s in sequence.values() if s != sorted(s)),
            }
        payload = json.dumps(answer).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    from kit.testing.fakes import free_port as pick

    return pick()


async def wait_up(base_url: str) -> None:
    async with httpx.AsyncClient() as http:
        for _ in range(1200):  # a busy machine can take a while to spawn it
            try:
                await http.get(f"{base_url}/stats")
                return
            except httpx.TransportError:
                await asyncio.sleep(0.05)
    raise RuntimeError("fake platform did not start")


PHOTOS_PER_POST = 2


def photos(i: int) -> str:
    """A post's media: two catalog renditions (Meta fetches them itself; never fetched here)."""
    base = f"https://machi.bench/v1/media/{uuid.UUID(int=i)}"
    return json.dumps([{"url": f"{base}/web", "width": 1600, "height": 1200}] * PHOTOS_PER_POST)


async def seed(
    settings: MachiSettings, n: int, channels: int, due: datetime, with_photos: bool
) -> None:
    """Channels, approved posts (each with two photos when `with_photos`) and their due
    deliveries, bulk-copied as the owner."""
    vault = Sealer([KEY])
    tenants = [uuid.uuid4() for _ in range(TENANTS)]
    channel_rows = [
        (
            uuid.uuid4(),
            tenants[i % TENANTS],
            "facebook_page",
            f"page {i}",
            "town",
            str(10_000 + i),
            "active",
            "none",
            vault.seal({"access_token": f"bench-page-token-{i}"}),  # a Page token per Page
        )
        for i in range(channels)
    ]
    post_rows, delivery_rows = [], []
    for i in range(n):
        channel = channel_rows[i % channels]
        post_id = uuid.uuid4()
        media = photos(i) if with_photos else "[]"
        post_rows.append((post_id, channel[1], f"bench delivery {i}", "scheduled", media))
        delivery_rows.append(
            (
                uuid.uuid4(),
                channel[1],
                post_id,
                channel[0],
                "facebook_page",
                "scheduled",
                due + timedelta(microseconds=i),  # a channel's deliveries have an order
                True,
                uuid.uuid4(),
            )
        )
    conn = await asyncpg.connect(migrations.asyncpg_dsn(settings.owner_url(SERVICE)))
    try:
        await conn.copy_records_to_table(
            "channels",
            records=channel_rows,
            columns=[
                "id",
                "tenant_id",
                "platform",
                "name",
                "owner_kind",
                "external_id",
                "status",
                "approval_policy",
                "credentials",
            ],
        )
        await conn.copy_records_to_table(
            "posts", records=post_rows, columns=["id", "tenant_id", "text", "status", "media"]
        )
        await conn.copy_records_to_table(
            "deliveries",
            records=delivery_rows,
            columns=[
                "id",
                "tenant_id",
                "post_id",
                "channel_id",
                "platform",
                "state",
                "due_at",
                "link_ready",
                "idempotency_key",
            ],
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def lateness(settings: MachiSettings) -> tuple[list[float], int]:
    conn = await asyncpg.connect(migrations.asyncpg_dsn(settings.owner_url(SERVICE)))
    try:
        rows = await conn.fetch(
            "SELECT extract(epoch FROM published_at - due_at) AS late FROM deliveries"
            " WHERE state = 'published'"
        )
        pending = await conn.fetchval("SELECT count(*) FROM deliveries WHERE state <> 'published'")
    finally:
        await conn.close()
    return [float(r["late"]) for r in rows], int(pending)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


async def bare_loop(base_url: str, n: int, concurrency: int) -> float:
    """The same calls from a plain httpx loop with the same concurrency: the HTTP ceiling."""
    limit = asyncio.Semaphore(concurrency)
    http = ClientPool.for_concurrency(concurrency, 10)

    async def one(i: int) -> None:
        async with limit:
            await http.request(
                "POST",
                f"{base_url}/{10_000 + i % 400}/feed",
                data={"message": f"bare {i}", "access_token": "t"},
            )

    try:
        started = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(n)))
        return n / (time.perf_counter() - started)
    finally:
        await http.aclose()


async def machi_path(
    settings: MachiSettings,
    base_url: str,
    n: int,
    channels: int,
    concurrency: int,
    with_photos: bool = False,
) -> dict[str, Any]:
    await migrations.drop(settings, SERVICE)
    await migrations.upgrade(settings, SERVICE)
    due = datetime.now(UTC) + timedelta(seconds=2)
    await seed(settings, n, channels, due, with_photos)
    publisher = PublisherSettings(
        _env_file=None,
        secret_keys=KEY,
        facebook_graph_url=base_url,
        dispatch_concurrency=concurrency,
        dispatch_batch_size=concurrency * 2,
        confirm_attempts=1,
    )
    # 15 + 15 overflow connections: the claims are short, and the server is shared.
    db = Database(settings.jobs_url(SERVICE), pool_size=15)
    db.sessionmaker.configure(info={SOURCE_KEY: SERVICE})
    http = ClientPool.for_concurrency(concurrency, 10)
    try:
        adapters = registry.adapters(http, http, publisher, db)
        dispatcher = Dispatcher(db, publisher, Sealer([KEY]), adapters)
        await asyncio.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()))
        started = time.perf_counter()
        claimed = 0
        while claimed < n:
            got = await dispatcher.run_until_idle()
            claimed += got
            progress("machi", claimed, n)
            if not got:
                await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
        late, pending = await lateness(settings)
    finally:
        await http.aclose()
        await db.dispose()
        await migrations.drop(settings, SERVICE)
    return {"elapsed": elapsed, "late": late, "pending": pending}


def progress(label: str, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r{label:<6} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")


async def main(n: int, channels: int, concurrency: int) -> dict[str, object]:
    database_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    settings = MachiSettings(
        database_url=database_url, db_name_prefix=f"b{uuid.uuid4().hex[:6]}_", _env_file=None
    )
    port = free_port()
    platform = multiprocessing.get_context("spawn").Process(
        target=fake_platform, args=(port,), daemon=True
    )
    platform.start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        await wait_up(base_url)
        bare = await bare_loop(base_url, n, concurrency)
        async with httpx.AsyncClient() as http:
            await http.post(f"{base_url}/reset")
        machi = await machi_path(settings, base_url, n, channels, concurrency)
        async with httpx.AsyncClient() as http:
            stats = (await http.get(f"{base_url}/stats")).json()
            await http.post(f"{base_url}/reset")
        n_photos = max(1, n // 5)
        pictured = await machi_path(settings, base_url, n_photos, channels, concurrency, True)
        async with httpx.AsyncClient() as http:
            photo_stats = (await http.get(f"{base_url}/stats")).json()
    finally:
        platform.terminate()
        platform.join(5)
    ideal = concurrency / LATENCY
    throughput = n / machi["elapsed"]
    late: list[float] = machi["late"]
    return {
        "benchmark": "dispatch",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "deliveries": n,
        "channels": channels,
        "tenants": TENANTS,
        "platform_latency_ms": LATENCY * 1000,
        "concurrency": concurrency,
        "ideal_deliveries_per_second": round(ideal, 1),
        "bare_httpx_deliveries_per_second": round(bare, 1),
        "machi_deliveries_per_second": round(throughput, 1),
        "ratio_machi_to_ideal": round(throughput / ideal, 3),
        "ratio_machi_to_bare_httpx": round(throughput / bare, 3),
        "lateness_p50_seconds": round(percentile(late, 0.50), 3),
        "lateness_p99_seconds": round(percentile(late, 0.99), 3),
        "ideal_lateness_p50_seconds": round(0.50 * n / ideal, 3),
        "ideal_lateness_p99_seconds": round(0.99 * n / ideal, 3),
        "lateness_mean_seconds": round(statistics.fmean(late), 3) if late else None,
        "published": len(late),
        "not_published": machi["pending"],
        "posts_on_platform": stats["posts"],
        "duplicates": stats["posts"] - stats["unique"],
        "channels_out_of_order": stats["pages_out_of_order"],
        "photo_deliveries": n_photos,
        "photos_per_delivery": PHOTOS_PER_POST,
        "ideal_photo_deliveries_per_second": round(
            concurrency / (LATENCY * (PHOTOS_PER_POST + 1)), 1
        ),
        "machi_photo_deliveries_per_second": round(n_photos / pictured["elapsed"], 1),
        "photo_lateness_p99_seconds": round(percentile(pictured["late"], 0.99), 3),
        "photo_uploads_on_platform": photo_stats["uploads"],
        "photo_posts_on_platform": photo_stats["posts_with_photos"],
        "photo_duplicates": photo_stats["posts"] - photo_stats["unique"],
        "photo_not_published": pictured["pending"],
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def write_result(result: dict[str, object]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "dispatch.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(
        f"dispatch: ratio {result['ratio_machi_to_ideal']} of ideal (goal >= 0.5),"
        f" {result['ratio_machi_to_bare_httpx']} of bare httpx,"
        f" lateness p99 {result['lateness_p99_seconds']} s (goal <= 5),"
        f" {result['duplicates']} duplicates, {result['channels_out_of_order']} channels out of"
        f" order, load {result['load_average']}"
    )


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    n, channels, concurrency = (args + [10_000, 400, 100][len(args) :])[:3]
    write_result(asyncio.run(main(n, channels, concurrency)))
