"""Event payload schemas: the published language between Machi's services."""

from contracts import catalog
from contracts.base import REGISTRY, Event

__all__ = ["REGISTRY", "Event", "catalog"]
