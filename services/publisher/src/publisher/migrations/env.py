from kit.migrations import run_env
from publisher.models import Base

run_env(Base.metadata)
