"""The declarative base of every gateway table (the feature packages' `models.py`).

These tables are not under row-level security: the gateway reads them across tenants (a login by
email must), so every tenant-scoped query takes the caller's tenant explicitly instead.
"""

from __future__ import annotations

from kit.db import Base as ModelBase
from kit.db import service_metadata


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()
