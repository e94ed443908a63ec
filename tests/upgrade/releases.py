"""The Alembic revision of each service database in every released version of Machi.

A release adds a line; `test_upgrade` builds each listed schema, fills it and migrates it to
head. 0.1.0 is the schema of commit 548f000, the first that partner towns ran.
"""

from __future__ import annotations

RELEASES: dict[str, dict[str, str]] = {
    "0.1.0": {"gateway": "0002", "catalog": "0002", "publisher": "0002", "analytics": "0002"},
}
FIRST_RELEASE = "0.1.0"
