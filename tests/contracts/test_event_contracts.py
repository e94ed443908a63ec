"""The published language between services: names, versions, tolerance, and who consumes what."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

import analytics.handlers
import catalog.handlers
import publisher.handlers
from contracts import REGISTRY

NAME = re.compile(r"^(catalog|publisher|analytics|gateway)\.[a-z_]+(\.[a-z_]+)?\.[a-z_]+\.v\d+$")
SUBSCRIPTIONS = [
    *catalog.handlers.SUBSCRIPTIONS,
    *publisher.handlers.SUBSCRIPTIONS,
    *analytics.handlers.SUBSCRIPTIONS,
]


@pytest.mark.parametrize("event_type", sorted(REGISTRY))
def test_event_types_are_named_service_thing_happened_version(event_type: str) -> None:
    assert NAME.match(event_type), event_type


@pytest.mark.parametrize("event_type", sorted(REGISTRY))
def test_consumers_ignore_fields_they_do_not_know(event_type: str) -> None:
    model = REGISTRY[event_type]
    schema = model.model_json_schema()
    assert model.model_config.get("extra") == "ignore"
    assert "event_type" not in schema.get("properties", {})


@pytest.mark.parametrize("sub", SUBSCRIPTIONS, ids=lambda s: s.consumer)
def test_every_consumer_reads_a_registered_contract(sub: object) -> None:
    event_type = sub.event_type  # type: ignore[attr-defined]
    assert event_type in REGISTRY
    model: type[BaseModel] = sub.payload_model  # type: ignore[attr-defined]
    assert model is REGISTRY[event_type]


def test_consumer_names_are_unique() -> None:
    names = [s.consumer for s in SUBSCRIPTIONS]
    assert len(names) == len(set(names))
