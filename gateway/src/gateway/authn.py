"""Client authentication: passwords, access tokens and API keys in, an `InternalPrincipal` out.

Access tokens are JWTs for the external audience `machi-api`, signed with the same key as the
internal tokens; audiences keep them apart (a service refuses `machi-api`, the gateway refuses a
service's audience). They only prove who the user is: roles, quotas and the tenant's status are
read from the database, not from the token, and kept in memory for `PRINCIPAL_CACHE_SECONDS` at
most (`PrincipalCache`). A change made through this process (a deactivation, a role change, a
suspension, a plan change) drops the cache at once; one made through another gateway process
drops it there on the tenant's events, and applies everywhere within that bound whatever happens
(the bound is seconds, not the token's lifetime).
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import functools
import hashlib
import hmac
import json
import secrets
import time
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from contracts.gateway import PlanChangedV1, TenantUpdatedV1
from gateway.api_keys import repository as api_keys_repo
from gateway.api_keys.models import ApiKey
from gateway.errors import InvalidApiKey, LoginBusy, TenantSuspended
from gateway.plans.models import Plan
from gateway.settings import GatewaySettings
from gateway.tenants.models import Tenant
from gateway.users import repository as users_repo
from gateway.users.models import User
from kit import policy
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier
from kit.db import Database
from kit.errors import Unauthorized
from kit.events.bus import Bus, Delivery

API_AUDIENCE = "machi-api"
MFA_ROLES = policy.EDITORS  # the roles a town may require a second factor of (`mfa_required`)
API_KEY_MARK = "mk"
API_KEY_PREFIX_HEX_CHARS = 8

T = TypeVar("T")


class HashSlots:
    """The process's argon2id hasher, and at most `limit` of its computations at once, each
    holding its memory (64 MiB by default) while it runs: 20 parallel logins would otherwise need
    1.25 GiB. A check waits `wait_seconds` for a slot, then is refused with 503 `login-busy`. One
    per process, as the memory it guards is."""

    def __init__(self, limit: int = 4, wait_seconds: float = 2.0) -> None:
        # RFC 9106's second recommended option (argon2-cffi's defaults): 64 MiB, 3 passes, 4 lanes
        self.hasher = PasswordHasher()
        self.configure(limit, wait_seconds)

    def configure(
        self, limit: int, wait_seconds: float, hasher: PasswordHasher | None = None
    ) -> None:
        """Set the process's limits and, if given, its hasher (the gateway app does, from its
        settings). A stored hash of other parameters still verifies, and is made again with
        these at its user's next login."""
        self.limit = limit
        self.wait_seconds = wait_seconds
        if hasher is not None:
            self.hasher = hasher
            _decoy_hash.cache_clear()
        # An asyncio semaphore belongs to one event loop; a process runs one (tests run several).
        self._slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` in a thread once a slot is free; LoginBusy when none frees in time."""
        loop = asyncio.get_running_loop()
        slots = self._slots.setdefault(loop, asyncio.Semaphore(self.limit))
        try:
            async with asyncio.timeout(self.wait_seconds):
                await slots.acquire()
        except TimeoutError:
            raise LoginBusy(retry_after=RETRY_BUSY_SECONDS) from None
        # The thread runs to its end even if the request is cancelled: the slot is freed then.
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        future = loop.run_in_executor(None, call)
        future.add_done_callback(lambda _: slots.release())
        return await asyncio.shield(future)


RETRY_BUSY_SECONDS = 1
password_slots = HashSlots()


async def hash_password(password: str) -> str:
    """An argon2id PHC string; hashed in a thread, it takes tens of milliseconds of CPU."""
    return await password_slots.run(password_slots.hasher.hash, password)


async def verify_password(password_hash: str, password: str) -> bool:
    try:
        return await password_slots.run(password_slots.hasher.verify, password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return password_slots.hasher.check_needs_rehash(password_hash)


@functools.cache
def _decoy_hash() -> str:
    return password_slots.hasher.hash(secrets.token_hex(16))


async def spend_password_check(password: str) -> None:
    """Verify against a decoy, so an unknown email costs as much time as a wrong password."""
    decoy = await password_slots.run(_decoy_hash)
    await verify_password(decoy, password)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class NewApiKey:
    """A freshly made key: the full token is shown to its owner once, the hash is stored."""

    prefix: str
    secret: str

    @property
    def token(self) -> str:
        return f"{API_KEY_MARK}_{self.prefix}_{self.secret}"

    @property
    def key_hash(self) -> str:
        return sha256_hex(self.secret)


def new_api_key() -> NewApiKey:
    return NewApiKey(
        prefix=secrets.token_hex(API_KEY_PREFIX_HEX_CHARS // 2), secret=secrets.token_urlsafe(32)
    )


def parse_api_key(token: str) -> tuple[str, str] | None:
    """(prefix, secret) of `mk_<prefix>_<secret>`, or None; the secret may itself hold `_`."""
    mark, _, rest = token.partition("_")
    prefix, _, secret = rest.partition("_")
    if mark != API_KEY_MARK or len(prefix) != API_KEY_PREFIX_HEX_CHARS or not secret:
        return None
    if any(c not in "0123456789abcdef" for c in prefix):
        return None
    return prefix, secret


def is_api_key(token: str) -> bool:
    return token.startswith(f"{API_KEY_MARK}_")


def effective_limits(tenant: Tenant, plan: Plan | None) -> dict[str, int]:
    """The plan's quotas with the tenant's own overrides on top."""
    raw: dict[str, Any] = {**(plan.limits if plan else {}), **tenant.limits}
    return {str(name): int(value) for name, value in raw.items()}


def features(plan: Plan | None) -> list[str]:
    return sorted(plan.features) if plan else []


def token_limits(tenant: Tenant | None, plan: Plan | None) -> dict[str, int]:
    """The quotas the internal token carries (none without a tenant)."""
    return effective_limits(tenant, plan) if tenant is not None else {}


def _ensure_active(tenant: Tenant | None) -> None:
    if tenant is not None and tenant.status != "active":
        raise TenantSuspended(f"tenant {tenant.slug} is suspended")


def principal_for_user(
    user: User, tenant: Tenant | None, plan: Plan | None = None
) -> InternalPrincipal:
    """The principal a user acts as; TenantSuspended when their tenant is."""
    if not user.is_active:
        raise Unauthorized("account is disabled")
    _ensure_active(tenant)
    return InternalPrincipal(
        sub=str(user.id),
        kind="user",
        tenant_id=user.tenant_id,
        roles=frozenset(user.roles),
        limits=token_limits(tenant, plan),
        producer_ids=frozenset(uuid.UUID(p) for p in user.producer_ids),
        features=frozenset(features(plan)),
    )


def mfa_enrolment_due(user: User, tenant: Tenant | None) -> bool:
    """Whether the user's town requires a second factor of their role and they have none."""
    return (
        tenant is not None
        and tenant.mfa_required
        and bool(MFA_ROLES & set(user.roles))
        and user.totp_enabled_at is None
    )


def principal_for_key(key: ApiKey, tenant: Tenant, plan: Plan | None = None) -> InternalPrincipal:
    _ensure_active(tenant)
    return InternalPrincipal(
        sub=str(key.id),
        kind="key",
        tenant_id=key.tenant_id,
        roles=frozenset(key.roles),
        limits=token_limits(tenant, plan),
        features=frozenset(features(plan)),
        scopes=frozenset(key.scopes),
    )


@dataclass(frozen=True)
class Caller:
    """An authenticated caller: a user, or an API key whose principal carries its scopes.
    `enrolment_due`: the user's town requires a second factor they have not enrolled yet."""

    principal: InternalPrincipal
    enrolment_due: bool = False


UserRows = tuple[User, Tenant | None, Plan | None]


class PrincipalCache:
    """A user's rows (user, tenant, plan) by user id, each for `ttl` seconds, at most `size`:
    an authenticated request reads them from memory instead of the database."""

    def __init__(self, ttl: float, size: int = 10_000) -> None:
        self.ttl = ttl
        self.size = size
        self._users: dict[uuid.UUID, tuple[float, UserRows]] = {}

    def get(self, user_id: uuid.UUID) -> UserRows | None:
        entry = self._users.get(user_id)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, user_id: uuid.UUID, rows: UserRows) -> None:
        if self.ttl <= 0:
            return
        if len(self._users) >= self.size:
            self._users.clear()
        self._users[user_id] = (time.monotonic() + self.ttl, rows)

    def forget_tenant(self, tenant_id: uuid.UUID) -> None:
        """Drop the users of `tenant_id` (its status, plan or settings changed)."""
        stale = [u for u, (_, rows) in self._users.items() if rows[0].tenant_id == tenant_id]
        for user_id in stale:
            del self._users[user_id]

    def clear(self) -> None:
        self._users.clear()


TENANT_CHANGES = (TenantUpdatedV1.event_type, PlanChangedV1.event_type)


async def follow_tenant_changes(bus: Bus, principals: PrincipalCache) -> None:
    """Drop a tenant's cached users when another process changes its profile or plan (each
    gateway process on its own broadcast copy; a missed event leaves them until they expire)."""

    async def on_change(delivery: Delivery) -> None:
        try:
            tenant_id = uuid.UUID(str(json.loads(delivery.body)["tenant_id"]))
        except (ValueError, KeyError, TypeError):
            principals.clear()
            return
        principals.forget_tenant(tenant_id)

    await bus.broadcast(TENANT_CHANGES, on_change)


def _signer_with_ttl(signer: TokenSigner, ttl_seconds: int) -> TokenSigner:
    # Same key, kid, issuer and published keys; only the lifetime differs.
    access = copy.copy(signer)
    access.ttl_seconds = ttl_seconds
    return access


class Authenticator:
    """Mints client access tokens and resolves a request's credentials to a principal."""

    def __init__(self, db: Database, signer: TokenSigner, settings: GatewaySettings) -> None:
        self.db = db
        self.access_ttl_seconds = settings.access_token_ttl_seconds
        self.refresh_ttl = timedelta(days=settings.refresh_token_ttl_days)
        self._access_signer = _signer_with_ttl(signer, settings.access_token_ttl_seconds)
        self._verifier = TokenVerifier(API_AUDIENCE, issuer=signer.issuer, jwks=signer.jwks())
        self.principals = PrincipalCache(settings.principal_cache_seconds)

    def mint_access_token(self, principal: InternalPrincipal) -> str:
        return self._access_signer.mint(principal, API_AUDIENCE)

    async def authenticate(self, bearer: str | None, api_key: str | None) -> Caller:
        """The caller of `Authorization: Bearer <token | mk_...>` or `X-API-Key: mk_...`."""
        token = bearer or api_key
        if not token:
            raise Unauthorized("send an access token or an API key")
        if is_api_key(token):
            return await self._from_api_key(token)
        if bearer is None:
            raise InvalidApiKey("X-API-Key must hold an mk_ key")
        return await self._from_access_token(token)

    async def _from_access_token(self, token: str) -> Caller:
        claimed = await self._verifier.verify(token)
        if claimed.kind != "user":
            raise Unauthorized("not a user access token")
        try:
            user_id = uuid.UUID(claimed.sub)
        except ValueError as exc:
            raise Unauthorized("malformed subject") from exc
        found = self.principals.get(user_id)
        if found is None:
            async with self.db.transaction() as session:
                found = await users_repo.get_user_and_tenant(session, user_id)
            if found is None:
                raise Unauthorized("account no longer exists")
            self.principals.put(user_id, found)
        user, tenant, _ = found
        return Caller(principal_for_user(*found), enrolment_due=mfa_enrolment_due(user, tenant))

    async def _from_api_key(self, token: str) -> Caller:
        parsed = parse_api_key(token)
        if parsed is None:
            raise InvalidApiKey("malformed API key")
        prefix, secret = parsed
        async with self.db.transaction() as session:
            found = await api_keys_repo.get_api_key_and_tenant(session, prefix)
            if found is None:
                raise InvalidApiKey()
            key, tenant, plan = found
            if key.revoked_at is not None or not hmac.compare_digest(
                key.key_hash, sha256_hex(secret)
            ):
                raise InvalidApiKey()
            principal = principal_for_key(key, tenant, plan)
            await api_keys_repo.touch_api_key(session, key.id, datetime.now(UTC))
        return Caller(principal)
