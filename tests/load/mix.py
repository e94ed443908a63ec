"""The mixed load: `concurrency` visitors, shoppers, stores and staff in a closed loop for
`seconds`, each request one weighted draw from MIX. Every answer is checked against what the
route must answer; the click ids handed out and the orders the store reported as recorded are
kept so the run's end can be compared with what the platform stored."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import os
import random
import time
import urllib.parse
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp

from .world import Town

# People following a link in a browser or an in-app browser: none matches a bot rule
# (services/analytics/src/analytics/redirect/bots.py).
BROWSERS = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
    " Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko)"
    " Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
    " Gecko) Mobile/15E148 Instagram 330.0.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
    " Gecko) Mobile/15E148 Line/14.5.0",
]
# Link-preview fetchers: their clicks are kept, flagged as bots (same table).
CRAWLERS = [
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
]
LANGUAGES = ["ja", "en", "ja-JP,ja;q=0.9,en;q=0.8"]
CLICK_AGE_SECONDS = 10.0  # a buyer orders well after the click; the buffer flushes every 1 s
ERROR_SAMPLES = 10  # bodies kept per route


@dataclass
class Route:
    """What was sent to one route and how it answered."""

    name: str
    latencies: list[float] = field(default_factory=list)  # seconds, every request
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0  # 5xx, transport errors, or any answer the route must not give
    samples: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        done = sorted(self.latencies)
        return {
            "requests": len(done),
            "errors": self.errors,
            "error_rate": self.errors / len(done) if done else 0.0,
            "statuses": dict(sorted(self.statuses.items())),
            "p50_ms": round(_quantile(done, 0.50) * 1000, 1),
            "p90_ms": round(_quantile(done, 0.90) * 1000, 1),
            "p99_ms": round(_quantile(done, 0.99) * 1000, 1),
            "max_ms": round(done[-1] * 1000, 1) if done else 0.0,
            "error_samples": self.samples,
        }


def _quantile(done: list[float], q: float) -> float:
    if not done:
        return 0.0
    return done[min(len(done) - 1, int(q * len(done)))]


@dataclass
class Ledger:
    """What the platform must have stored when the run is over."""

    clicks: set[str] = field(default_factory=set)  # ids from 302s to browsers
    bot_clicks: set[str] = field(default_factory=set)  # ids from 302s to crawlers
    orders: set[str] = field(default_factory=set)  # orders answered "recorded"
    duplicates: int = 0  # replayed deliveries answered "duplicate"
    recent: deque[tuple[float, str]] = field(default_factory=lambda: deque(maxlen=5000))
    delivered: deque[tuple[bytes, dict[str, str]]] = field(
        default_factory=lambda: deque(maxlen=200)
    )


@dataclass(frozen=True)
class Answer:
    """What a request was answered: read whole before the connection goes back to the pool."""

    status_code: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")

    def json(self) -> Any:
        return json.loads(self.body)


class Load:
    """One run's state: the town, the clients, the tallies.

    The requests go through aiohttp's client: the generator shares the machine with the
    platform, and with httpx it spent 1.7 ms of CPU a request against aiohttp's 0.4 ms (the
    report's CPU table shows what each party spent)."""

    def __init__(self, url: str, town: Town, seed: int = 7) -> None:
        self.town = town
        self.random = random.Random(seed)
        self.url = url
        self.http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0),  # one connection per loop, kept alive
            timeout=aiohttp.ClientTimeout(total=30),
            cookie_jar=aiohttp.DummyCookieJar(),  # visitors carry no cookies between requests
        )
        self.staff = {"Authorization": f"Bearer {town.admin_token}"}
        self.routes: dict[str, Route] = {}
        self.ledger = Ledger()
        self.orders = itertools.count(1)
        self.drafts = itertools.count(1)

    def route(self, name: str) -> Route:
        return self.routes.setdefault(name, Route(name))

    async def call(
        self,
        name: str,
        method: str,
        path: str,
        expect: int,
        **kwargs: Any,
    ) -> Answer | None:
        """One timed request; None (and an error) when it failed or answered other than `expect`.
        Redirects are answers here, never followed."""
        route = self.route(name)
        started = time.perf_counter()
        try:
            async with self.http.request(
                method, self.url + path, allow_redirects=False, **kwargs
            ) as answered:
                body = await answered.read()
            headers = {key.lower(): value for key, value in answered.headers.items()}
            response = Answer(answered.status, headers, body)
        except (aiohttp.ClientError, TimeoutError) as exc:
            route.latencies.append(time.perf_counter() - started)
            self._failed(route, "transport", f"{type(exc).__name__}: {exc}")
            return None
        route.latencies.append(time.perf_counter() - started)
        key = str(response.status_code)
        route.statuses[key] = route.statuses.get(key, 0) + 1
        if response.status_code != expect:
            self._failed(route, key, response.text[:500])
            return None
        return response

    def _failed(self, route: Route, status: str, body: str) -> None:
        route.errors += 1
        if status == "transport":
            route.statuses[status] = route.statuses.get(status, 0) + 1
        if len(route.samples) < ERROR_SAMPLES:
            route.samples.append(f"{status} {body}")

    def _misbehaved(self, name: str, why: str) -> None:
        """A 2xx whose content is wrong counts as an error too."""
        self._failed(self.route(name), "bad-body", why)

    # --- browsing the public store ---------------------------------------------------------

    def _browser(self) -> dict[str, str]:
        return {
            "User-Agent": self.random.choice(BROWSERS),
            "Accept-Language": self.random.choice(LANGUAGES),
        }

    async def town_page(self) -> None:
        await self.call(
            "GET /public/{town}", "GET", f"/public/{self.town.slug}", 200, headers=self._browser()
        )

    async def store_page(self) -> None:
        await self.call(
            "GET /public/{town}/store",
            "GET",
            f"/public/{self.town.slug}/store",
            200,
            headers=self._browser(),
        )

    async def product_page(self) -> None:
        product = self.random.choice(self.town.products)
        await self.call(
            "GET /public/{town}/products/{slug}",
            "GET",
            f"/public/{self.town.slug}/products/{product.slug}",
            200,
            headers=self._browser(),
        )

    # --- tracked redirects -----------------------------------------------------------------

    async def _redirect(self, name: str, user_agent: str) -> str | None:
        code = self.random.choice(self.town.link_codes)
        headers = {"User-Agent": user_agent, "Accept-Language": self.random.choice(LANGUAGES)}
        response = await self.call(name, "GET", f"/r/{code}", 302, headers=headers)
        if response is None:
            return None
        location = response.headers.get("location", "")
        query: dict[str, str] = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))
        click_id = query.get("machi_cid")
        if not click_id:
            self._misbehaved(name, f"no machi_cid in {location!r}")
            return None
        return click_id

    async def click(self) -> None:
        click_id = await self._redirect("GET /r/{code} (browser)", self.random.choice(BROWSERS))
        if click_id:
            self.ledger.clicks.add(click_id)
            self.ledger.recent.append((time.monotonic(), click_id))

    async def crawler(self) -> None:
        click_id = await self._redirect("GET /r/{code} (crawler)", self.random.choice(CRAWLERS))
        if click_id:
            self.ledger.bot_clicks.add(click_id)

    # --- the store's order webhooks --------------------------------------------------------

    def _old_click(self) -> str | None:
        """A click id handed out at least CLICK_AGE_SECONDS ago, as a buyer's would be."""
        cutoff = time.monotonic() - CLICK_AGE_SECONDS
        old = [c for t, c in self.ledger.recent if t <= cutoff]
        return self.random.choice(old) if old else None

    async def order(self) -> None:
        """Shopify `orders/create`, signed as Shopify signs (base64 HMAC-SHA256 of the raw body,
        reference/commerce-catalog.md, Shopify row), one in twenty a replay of an earlier
        delivery (same event id), which must be answered "duplicate"."""
        name = "POST /webhooks/{town}/shopify"
        if self.ledger.delivered and self.random.random() < 0.05:
            raw, headers = self.random.choice(self.ledger.delivered)
            response = await self.call(
                name, "POST", self._webhook_path(), 200, data=raw, headers=headers
            )
            if response is not None:
                if response.json() != {"result": "duplicate"}:
                    self._misbehaved(name, f"replay answered {response.text}")
                else:
                    self.ledger.duplicates += 1
            return
        click_id = self._old_click()
        if click_id is None:
            await self.click()
            return
        number = 9_000_000 + next(self.orders)
        product = self.random.choice(self.town.products)
        price = 1000 + number % 5000
        order: dict[str, Any] = {
            "id": number,
            "created_at": datetime.now(UTC).isoformat(),
            "currency": "JPY",
            "total_price": str(price),
            "line_items": [
                {
                    "id": number * 10,
                    "quantity": 1,
                    "price": str(price),
                    "properties": [{"name": "machi_product_id", "value": product.id}],
                }
            ],
        }
        # Both places Shopify carries the click id (analytics conversions/stores/shopify.py).
        if number % 2:
            order["note_attributes"] = [{"name": "machi_cid", "value": click_id}]
        else:
            order["landing_site"] = f"/products/{product.slug}?machi_cid={click_id}"
        raw = json.dumps(order).encode()
        signature = hmac.new(self.town.shopify_secret.encode(), raw, hashlib.sha256).digest()
        headers = {
            "content-type": "application/json",
            "x-shopify-hmac-sha256": base64.b64encode(signature).decode(),
            "x-shopify-topic": "orders/create",
            "x-shopify-event-id": f"evt-{number}",
        }
        response = await self.call(
            name, "POST", self._webhook_path(), 200, data=raw, headers=headers
        )
        if response is None:
            return
        if response.json() != {"result": "recorded"}:
            self._misbehaved(name, f"order {number} answered {response.text}")
            return
        self.ledger.orders.add(str(number))
        self.ledger.delivered.append((raw, headers))

    def _webhook_path(self) -> str:
        return f"/webhooks/{self.town.slug}/shopify"

    # --- the staff's API writes and reads --------------------------------------------------

    async def draft(self) -> None:
        n = next(self.drafts)
        await self.call(
            "POST /v1/products",
            "POST",
            "/v1/products",
            201,
            headers=self.staff,
            json={
                "producer_id": self.town.producer_id,
                "slug": f"draft-{os.getpid()}-{n}",
                "name": {"ja": f"試作 {n}", "en": f"Draft {n}"},
                "price_amount": 500 + n % 1000,
                "variants": [{"sku": f"d{n}", "unit": "piece", "price_amount": 500 + n % 1000}],
            },
        )

    async def stock(self) -> None:
        product = self.random.choice(self.town.products)
        variant = self.random.choice(product.variant_ids)
        await self.call(
            "PATCH /v1/products/{id}/variants/{id}",
            "PATCH",
            f"/v1/products/{product.id}/variants/{variant}",
            200,
            headers=self.staff,
            json={"stock": self.random.randint(0, 500)},
        )

    async def list_products(self) -> None:
        await self.call(
            "GET /v1/products",
            "GET",
            "/v1/products",
            200,
            headers=self.staff,
            params={"limit": "20"},
        )


# (weight, action). Visitors dominate, as on a town's public pages; the staff's writes and the
# store's orders are the minority that must nonetheless never be lost.
MIX: list[tuple[int, Callable[[Load], Awaitable[None]]]] = [
    (14, Load.town_page),
    (12, Load.store_page),
    (16, Load.product_page),
    (34, Load.click),
    (3, Load.crawler),
    (8, Load.order),
    (4, Load.draft),
    (5, Load.stock),
    (4, Load.list_products),
]


@dataclass
class Outcome:
    routes: dict[str, Route]
    ledger: Ledger
    seconds: float
    load_averages: list[tuple[float, float, float]]
    connections: list[tuple[int, int, int]]  # postgres: ours, all, max_connections
    memory: list[tuple[float, dict[str, float]]]  # seconds into the run, resident MB per process
    cpu: dict[str, float]  # CPU seconds each party spent during the run

    @property
    def requests(self) -> int:
        return sum(len(r.latencies) for r in self.routes.values())

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.routes.values())


Probe = Callable[[], Awaitable[tuple[int, int, int]]]
Resident = Callable[[], dict[str, float]]
CpuClock = Callable[[], dict[str, float]]


async def run(
    url: str,
    town: Town,
    seconds: float,
    concurrency: int,
    say: Callable[[str], None],
    probe: Probe,
    resident: Resident,
    cpu: CpuClock,
) -> Outcome:
    """The mix for `seconds` with `concurrency` loops; progress through `say` every 10 s, with
    what `probe` says of the database server's connections (ours, all, the server's maximum)
    and what `resident` says of the platform's processes' memory. `cpu` is read at the start
    and the end: each party's CPU seconds (platform processes, Postgres, the generator)."""
    load = Load(url, town)
    actions = [a for _, a in MIX]
    weights = [w for w, _ in MIX]
    started = time.monotonic()
    stop = started + seconds

    async def loop() -> None:
        while time.monotonic() < stop:
            action = load.random.choices(actions, weights)[0]
            await action(load)

    averages: list[tuple[float, float, float]] = [os.getloadavg()]
    connections: list[tuple[int, int, int]] = [await probe()]
    memory: list[tuple[float, dict[str, float]]] = [(0.0, resident())]
    cpu_at_start = cpu()

    async def progress() -> None:
        last, last_at = 0, started
        while time.monotonic() < stop:
            await asyncio.sleep(min(10.0, max(0.0, stop - time.monotonic())))
            now, done = time.monotonic(), sum(len(r.latencies) for r in load.routes.values())
            averages.append(os.getloadavg())
            connections.append(await probe())
            memory.append((now - started, resident()))
            errors = sum(r.errors for r in load.routes.values())
            say(
                f"{now - started:5.0f}s {done} requests, {done / (now - started):.1f} rps"
                f" (last {done - last} at {(done - last) / max(now - last_at, 1e-9):.1f} rps),"
                f" {errors} errors, {len(load.ledger.clicks)} clicks,"
                f" {len(load.ledger.orders)} orders, load {averages[-1][0]:.1f}, postgres"
                f" connections {connections[-1][0]} ours / {connections[-1][1]} of"
                f" {connections[-1][2]}, resident MB {memory[-1][1]}"
            )
            last, last_at = done, now

    try:
        await asyncio.gather(progress(), *(loop() for _ in range(concurrency)))
    finally:
        await load.http.close()
    ended = time.monotonic() - started
    cpu_at_end = cpu()
    memory.append((ended, resident()))
    spent = {
        name: cpu_at_end[name] - cpu_at_start[name] for name in cpu_at_end.keys() & cpu_at_start
    }
    return Outcome(load.routes, load.ledger, ended, averages, connections, memory, spent)
