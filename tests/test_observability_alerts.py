"""deploy/prometheus/machi-alerts.yml is a Prometheus rule file over metrics that exist, and it
watches the events no consumer was bound to (`machi.unrouted`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import REGISTRY

from kit import observability  # noqa: F401  (registers kit's metrics)

ALERTS = Path(__file__).resolve().parents[1] / "deploy" / "prometheus" / "machi-alerts.yml"
METRIC = re.compile(r"\bmachi_[a-z0-9_]+\b")


@pytest.fixture(scope="module")
def rules() -> list[dict[str, Any]]:
    document: dict[str, Any] = yaml.safe_load(ALERTS.read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def test_every_alert_has_a_name_an_expression_a_severity_and_a_summary(
    rules: list[dict[str, Any]],
) -> None:
    assert rules
    for rule in rules:
        assert rule["alert"], rule
        assert rule["expr"], rule
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule
        assert rule["annotations"]["summary"], rule


def test_alerts_read_only_metrics_kit_exports(rules: list[dict[str, Any]]) -> None:
    exported = {family.name for family in REGISTRY.collect()}
    read = {name for rule in rules for name in METRIC.findall(rule["expr"])}
    assert read <= exported, read - exported


def test_an_alert_watches_the_unrouted_events(rules: list[dict[str, Any]]) -> None:
    assert any("machi_unrouted_events" in rule["expr"] for rule in rules)
