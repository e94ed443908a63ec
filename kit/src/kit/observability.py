"""Prometheus metrics, defined once per process and labelled by service (all-in-one safe).

Services define their own metrics beside their code with the same `machi_` prefix; the dashboard
(deploy/grafana/machi-dashboard.json) reads both.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "machi_http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "machi_http_request_duration_seconds", "HTTP request latency", ["service", "method", "route"]
)
OUTBOX_PUBLISHED = Counter("machi_outbox_published_total", "Outbox rows confirmed", ["service"])
OUTBOX_PUBLISH_FAILED = Counter(
    "machi_outbox_publish_failed_total", "Outbox publish attempts that failed", ["service"]
)
OUTBOX_BACKLOG = Gauge(
    "machi_outbox_backlog", "Outbox rows not yet published (sampled by the relay)", ["service"]
)
OUTBOX_OLDEST_AGE = Gauge(
    "machi_outbox_oldest_age_seconds",
    "Age of the oldest unpublished outbox row, 0 when none (sampled by the relay)",
    ["service"],
)
# outcome: ok, duplicate (inbox absorbed a redelivery), error (will be retried), poison.
EVENTS_HANDLED = Counter(
    "machi_events_handled_total", "Events handled by consumers", ["consumer", "outcome"]
)
EVENTS_RETRIED = Counter(
    "machi_events_retried_total", "Deliveries scheduled for another attempt", ["consumer"]
)
EVENTS_DEAD_LETTERED = Counter(
    "machi_events_dead_lettered_total", "Messages parked in a dead-letter queue", ["consumer"]
)
# queue: "main" (waiting to be handled) or "dlq" (parked for ops).
QUEUE_DEPTH = Gauge(
    "machi_queue_depth", "Messages in a consumer's queues (sampled)", ["consumer", "queue"]
)
# Events published while no queue was bound to their type (see kit.events.rabbitmq).
UNROUTED_EVENTS = Gauge(
    "machi_unrouted_events", "Events parked in machi.unrouted: no consumer was bound (sampled)"
)
JOB_RUNS = Counter("machi_job_runs_total", "Scheduled job runs", ["service", "job", "outcome"])
# outcome: queued (answered at the gateway's edge), handed_over (analytics took it), dropped.
EDGE_CLICKS = Counter(
    "machi_gateway_edge_clicks_total", "Edge redirect clicks, by what became of them", ["outcome"]
)
