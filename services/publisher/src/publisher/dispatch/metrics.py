"""The dispatcher's Prometheus metrics (served on `/metrics` like kit.observability's); the
names are the ones deploy/grafana/machi-dashboard.json reads."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

LATE_DELIVERIES = Gauge(
    "machi_deliveries_late", "Deliveries due but not picked up after the grace time"
)
DELIVERY_OUTCOMES = Counter(
    "machi_publisher_delivery_outcomes_total", "Delivery outcomes", ["platform", "outcome"]
)
DISPATCH_LATENESS = Histogram(
    "machi_dispatch_lateness_seconds",
    "Time from a delivery's due time to its publication",
    ["platform"],
    buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
)
RATE_LIMIT_WAITS = Counter(
    "machi_ratelimit_waits_total",
    "Deliveries put back to wait for a rate limit or quota",
    ["platform", "reason"],
)
TOKEN_REFRESHES = Counter(
    "machi_publisher_token_refreshes_total", "Platform token refreshes", ["platform", "outcome"]
)
