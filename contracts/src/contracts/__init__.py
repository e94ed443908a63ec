"""Event payload schemas: the published language between Machi's services."""

from contracts import analytics, catalog, gateway, publisher
from contracts.base import REGISTRY, Event

__all__ = ["REGISTRY", "Event", "analytics", "catalog", "gateway", "publisher"]
