"""Internal identity: the gateway mints short-lived signed JWTs, services verify them.

The gateway authenticates users and API keys, then calls each service with a token whose `aud` is
that service, signed with ES256 under a `kid` published at `/.well-known/jwks.json`. Services
verify signature, issuer, audience and expiry with a fixed algorithm list (RFC 8725 section 2.1)
and trust nothing else a request carries.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from kit.errors import Unauthorized

ALGORITHM = "ES256"
DEFAULT_TTL_SECONDS = 120


@dataclass(frozen=True)
class InternalPrincipal:
    """Who is calling, as the gateway vouched for it."""

    sub: str
    # "user" or "key" (a logged-in person or an API key), "service" (the gateway acting on its
    # own, e.g. collecting usage), "anonymous" (a public request: city page, redirect, webhook).
    kind: str
    tenant_id: uuid.UUID | None
    roles: frozenset[str] = frozenset()
    limits: dict[str, int] = field(default_factory=dict)  # the plan's quotas
    producer_ids: frozenset[uuid.UUID] = frozenset()
    features: frozenset[str] = frozenset()  # the plan's features, e.g. "line_broadcast"
    # What an API key may reach (`catalog:read`, `*`: see kit.policy); None: not a key.
    scopes: frozenset[str] | None = None

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def has_feature(self, feature: str) -> bool:
        return feature in self.features

    @property
    def is_anonymous(self) -> bool:
        return self.kind == "anonymous"

    @property
    def actor(self) -> str:
        return f"{self.kind}:{self.sub}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def key_id(public_key: ec.EllipticCurvePublicKey) -> str:
    """RFC 7638 JWK thumbprint of an EC public key."""
    numbers = public_key.public_numbers()
    members = {
        "crv": "P-256",
        "kty": "EC",
        "x": _b64(numbers.x.to_bytes(32, "big")),
        "y": _b64(numbers.y.to_bytes(32, "big")),
    }
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    return _b64(hashlib.sha256(canonical).digest())


def generate_private_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def load_or_create_key(path: Path) -> ec.EllipticCurvePrivateKey:
    """Read a PEM signing key, creating it (mode 0600) on first use."""
    if path.exists():
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(loaded, ec.EllipticCurvePrivateKey):
            raise ValueError(f"{path} is not an EC private key")
        return loaded
    key = generate_private_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.touch(mode=0o600)
    path.write_bytes(pem)
    return key


class TokenSigner:
    """Mints internal tokens (gateway side). Older keys stay in the JWKS during rotation."""

    def __init__(
        self,
        key: ec.EllipticCurvePrivateKey,
        *,
        issuer: str,
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
        retired: list[ec.EllipticCurvePublicKey] | None = None,
    ) -> None:
        self._key = key
        self.kid = key_id(key.public_key())
        self.issuer = issuer
        self.ttl_seconds = ttl_seconds
        self._published = [key.public_key(), *(retired or [])]

    def mint(self, principal: InternalPrincipal, audience: str) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": audience,
            "sub": principal.sub,
            "iat": now,
            "exp": now + self.ttl_seconds,
            "jti": uuid.uuid4().hex,
            "kind": principal.kind,
            "tenant_id": str(principal.tenant_id) if principal.tenant_id else None,
            "roles": sorted(principal.roles),
            "limits": principal.limits,
            "producer_ids": sorted(str(p) for p in principal.producer_ids),
            "features": sorted(principal.features),
        }
        if principal.scopes is not None:
            claims["scopes"] = sorted(principal.scopes)
        return jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"kid": self.kid})

    def jwks(self) -> dict[str, Any]:
        keys = []
        for public in self._published:
            jwk: dict[str, Any] = ECAlgorithm.to_jwk(public, as_dict=True)
            keys.append({**jwk, "kid": key_id(public), "use": "sig", "alg": ALGORITHM})
        return {"keys": keys}


def _principal_from_claims(claims: dict[str, Any]) -> InternalPrincipal:
    tenant = claims.get("tenant_id")
    kind = str(claims.get("kind", "user"))
    scopes = claims.get("scopes")
    if scopes is None and kind == "key":
        scopes = []  # a key's token without scopes reaches nothing that needs one
    return InternalPrincipal(
        sub=str(claims["sub"]),
        kind=kind,
        tenant_id=uuid.UUID(tenant) if tenant else None,
        roles=frozenset(claims.get("roles") or ()),
        limits={str(k): int(v) for k, v in (claims.get("limits") or {}).items()},
        producer_ids=frozenset(uuid.UUID(p) for p in claims.get("producer_ids") or ()),
        features=frozenset(str(f) for f in claims.get("features") or ()),
        scopes=None if scopes is None else frozenset(str(s) for s in scopes),
    )


class TokenVerifier:
    """Verifies internal tokens for one audience against a JWKS (static or fetched by URL).

    A fetched JWKS replaces the keys held: a key the gateway no longer publishes (retired after
    a rotation, or withdrawn because it leaked) stops being trusted within KEY_MAX_AGE_SECONDS,
    without a restart, and tokens verified with it are forgotten."""

    REFRESH_INTERVAL_SECONDS = 10.0
    KEY_MAX_AGE_SECONDS = 300.0

    def __init__(
        self,
        audience: str,
        *,
        issuer: str,
        jwks: dict[str, Any] | None = None,
        jwks_url: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.audience = audience
        self._transport = transport
        self.issuer = issuer
        self.jwks_url = jwks_url
        self._keys: dict[str, Any] = {}
        self._last_fetch = 0.0
        self._lock = asyncio.Lock()
        # Token string -> (exp, principal): the gateway reuses a token until it expires, and
        # an ECDSA check costs more than the rest of a redirect. A principal is immutable.
        self._verified: dict[str, tuple[float, InternalPrincipal]] = {}
        if jwks:
            self._load(jwks)

    def _load(self, jwks: dict[str, Any]) -> None:
        keys = jwks.get("keys")
        if not isinstance(keys, list):
            raise ValueError("not a JWKS")
        published = {
            jwk["kid"]: ECAlgorithm.from_jwk(jwk)
            for jwk in keys
            if isinstance(jwk, dict) and jwk.get("kty") == "EC" and "kid" in jwk
        }
        if set(self._keys) - set(published):
            self._verified.clear()  # some may have been verified with a key now retired
        self._keys = published

    def _stale(self) -> bool:
        return (
            self.jwks_url is not None
            and time.monotonic() - self._last_fetch >= self.KEY_MAX_AGE_SECONDS
        )

    async def refresh(self) -> None:
        """Fetch the JWKS again; at most once per REFRESH_INTERVAL_SECONDS."""
        if self.jwks_url is None:
            return
        async with self._lock:
            if time.monotonic() - self._last_fetch < self.REFRESH_INTERVAL_SECONDS:
                return
            self._last_fetch = time.monotonic()
            try:
                async with httpx.AsyncClient(timeout=5, transport=self._transport) as client:
                    response = await client.get(self.jwks_url)
                    response.raise_for_status()
                    self._load(response.json())
            except (httpx.HTTPError, ValueError, jwt.PyJWTError):
                return  # keep the keys held: the gateway may be restarting

    VERIFIED_CACHE_SIZE = 10_000

    async def verify(self, token: str) -> InternalPrincipal:
        """The principal in `token`, or Unauthorized; a token verified before is trusted again
        until its `exp` (or its key's retirement), without a second signature check."""
        if self._stale():
            await self.refresh()
        cached = self._verified.get(token)
        if cached is not None and cached[0] > time.time():
            return cached[1]
        principal, expires = await self._verify(token)
        if len(self._verified) >= self.VERIFIED_CACHE_SIZE:
            self._verified.pop(next(iter(self._verified)))  # the oldest entry
        self._verified[token] = (expires, principal)
        return principal

    async def _verify(self, token: str) -> tuple[InternalPrincipal, float]:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError as exc:
            raise Unauthorized("malformed token") from exc
        if not isinstance(kid, str):
            raise Unauthorized("token has no key id")
        if kid not in self._keys:
            await self.refresh()
        key = self._keys.get(kid)
        if key is None:
            raise Unauthorized("unknown signing key")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "sub", "aud", "iss"]},
            )
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"invalid token: {exc}") from exc
        return _principal_from_claims(claims), float(claims["exp"])
