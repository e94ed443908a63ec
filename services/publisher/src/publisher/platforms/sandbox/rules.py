"""The sandbox's rules: generous limits of Machi's own choosing."""

from __future__ import annotations

from publisher.platforms.base import Rules, code_points

RULES = Rules(max_length=5_000, count=code_points, max_media=10, source="Machi sandbox")
