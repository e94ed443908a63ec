from gateway.audit import models as audit_models  # noqa: F401  (its table is in Base)
from gateway.models import Base
from kit.migrations import run_env

run_env(Base.metadata)
