"""Prometheus metrics, defined once per process and labelled by service (all-in-one safe)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

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
EVENTS_HANDLED = Counter(
    "machi_events_handled_total", "Events handled by consumers", ["consumer", "outcome"]
)
JOB_RUNS = Counter("machi_job_runs_total", "Scheduled job runs", ["service", "job", "outcome"])
