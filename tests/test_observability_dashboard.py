"""deploy/grafana/machi-dashboard.json reads only metrics that exist: the ones kit exports (read
from a live /metrics scrape) or the service metrics the service code defines."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client.metrics import MetricWrapperBase

from kit import observability
from kit.http import add_ops_routes

DASHBOARD = Path(__file__).resolve().parents[1] / "deploy" / "grafana" / "machi-dashboard.json"
# Defined beside the service code that observes them (publisher dispatcher and rate limiter,
# analytics redirects): name -> Prometheus type.
SERVICE_METRICS = {
    "machi_dispatch_lateness_seconds": "histogram",
    "machi_deliveries_late": "gauge",
    "machi_ratelimit_waits_total": "counter",
    "machi_redirect_cache_total": "counter",
}
SERIES_SUFFIXES = {"histogram": ("_bucket", "_sum", "_count"), "summary": ("_sum", "_count")}
METRIC = re.compile(r"\bmachi_[a-z0-9_]+\b")
TYPE_LINE = re.compile(r"^# TYPE (\S+) (\S+)$", re.MULTILINE)


def series_names(types: dict[str, str]) -> set[str]:
    """Every series name a family of each type yields in a scrape."""
    names: set[str] = set()
    for name, kind in types.items():
        names.add(name)
        names.update(name + suffix for suffix in SERIES_SUFFIXES.get(kind, ()))
    return names


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text())
    return loaded


def expressions(dashboard: dict[str, Any]) -> list[str]:
    found = [
        target["expr"]
        for panel in dashboard["panels"]
        for target in panel.get("targets", [])
        if target.get("expr")
    ]
    found += [
        str(variable.get("query"))
        for variable in dashboard["templating"]["list"]
        if variable["type"] == "query"
    ]
    return found


async def kit_metric_types() -> dict[str, str]:
    """Family name -> type, as a kit process's /metrics announces them."""
    app = FastAPI()
    add_ops_routes(app, {})
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://kit"
    ) as http:
        scrape = (await http.get("/metrics")).text
    return {name: kind for name, kind in TYPE_LINE.findall(scrape) if name.startswith("machi_")}


async def test_every_metric_in_the_dashboard_is_exported_or_a_known_service_metric(
    dashboard: dict[str, Any],
) -> None:
    kit_types = await kit_metric_types()
    known = series_names(kit_types) | series_names(SERVICE_METRICS)
    used = {name for expr in expressions(dashboard) for name in METRIC.findall(expr)}
    assert used - known == set()
    # Every metric kit defines, and every service metric, has a panel: none is exported unseen.
    for name, kind in {**kit_defined(), **SERVICE_METRICS}.items():
        assert used & series_names({name: kind}), f"no panel reads {name}"


def kit_defined() -> dict[str, str]:
    """The metrics kit.observability defines, as the exposition names them."""
    defined: dict[str, str] = {}
    for collector in vars(observability).values():
        if isinstance(collector, MetricWrapperBase):
            for family in collector.describe():
                suffix = "_total" if family.type == "counter" else ""
                defined[family.name + suffix] = family.type
    return defined


def test_panels_query_the_chosen_prometheus_datasource(dashboard: dict[str, Any]) -> None:
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    for panel in dashboard["panels"]:
        if panel["type"] == "row":
            continue
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == "${datasource}"


def test_expressions_are_balanced_and_panel_ids_unique(dashboard: dict[str, Any]) -> None:
    for expr in expressions(dashboard):
        depth = 0
        for char in expr:
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth >= 0, expr
        assert depth == 0, expr
        assert expr.count("{") == expr.count("}"), expr
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
