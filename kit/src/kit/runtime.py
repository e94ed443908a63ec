"""What one service needs at run time, made at start-up (never at import)."""

from __future__ import annotations

from dataclasses import dataclass

from kit.auth import TokenVerifier
from kit.db import Database
from kit.events.bus import Bus
from kit.events.outbox import SOURCE_KEY
from kit.settings import MachiSettings


@dataclass
class ServiceRuntime:
    service: str
    settings: MachiSettings
    db: Database
    verifier: TokenVerifier
    bus: Bus | None = None
    _jobs_db: Database | None = None

    @property
    def jobs_db(self) -> Database:
        """The database as the `<service>_jobs` role, for work claimed across tenants."""
        if self._jobs_db is None:
            self._jobs_db = Database(
                self.settings.jobs_url(self.service), pool_size=self.settings.db_pool_size
            )
            self._jobs_db.sessionmaker.configure(info={SOURCE_KEY: self.service})
        return self._jobs_db

    @classmethod
    def create(
        cls,
        service: str,
        settings: MachiSettings,
        *,
        bus: Bus | None,
        verifier: TokenVerifier | None = None,
    ) -> ServiceRuntime:
        db = Database(settings.app_url(service), pool_size=settings.db_pool_size)
        db.sessionmaker.configure(info={SOURCE_KEY: service})
        verifier = verifier or TokenVerifier(
            service, issuer=settings.internal_token_issuer, jwks_url=settings.jwks_url
        )
        return cls(service=service, settings=settings, db=db, verifier=verifier, bus=bus)

    async def close(self) -> None:
        await self.db.dispose()
        if self._jobs_db is not None:
            await self._jobs_db.dispose()
