"""TokenVerifier trusts a token it verified before only as that exact string and until its exp."""

import asyncio
import uuid

import pytest

from kit.auth import TokenSigner, TokenVerifier, generate_private_key
from kit.errors import Unauthorized
from kit.testing.plugin import ISSUER, principal


def short_lived_signer() -> TokenSigner:
    """Tokens of 2 s: `exp` is whole seconds after the minting second, so a token lives between 1
    and 2 s (with 1 s, one minted at the end of a second expired before its first check)."""
    return TokenSigner(generate_private_key(), issuer=ISSUER, ttl_seconds=2)


async def test_a_verified_token_is_refused_once_it_expires() -> None:
    signer = short_lived_signer()
    verifier = TokenVerifier("analytics", issuer=ISSUER, jwks=signer.jwks())
    token = signer.mint(principal(uuid.uuid4()), "analytics")
    assert (await verifier.verify(token)).sub
    await asyncio.sleep(2.1)  # past `exp`, which is at most 2 s after minting
    with pytest.raises(Unauthorized):
        await verifier.verify(token)


async def test_each_token_string_gets_its_own_principal(signer: TokenSigner) -> None:
    verifier = TokenVerifier("analytics", issuer=ISSUER, jwks=signer.jwks())
    first, second = principal(uuid.uuid4()), principal(uuid.uuid4())
    for _ in range(2):
        assert await verifier.verify(signer.mint(first, "analytics")) == first
        assert await verifier.verify(signer.mint(second, "analytics")) == second


async def test_a_tampered_copy_of_a_verified_token_is_refused(signer: TokenSigner) -> None:
    verifier = TokenVerifier("analytics", issuer=ISSUER, jwks=signer.jwks())
    token = signer.mint(principal(uuid.uuid4()), "analytics")
    await verifier.verify(token)
    head, body, signature = token.split(".")
    forged = ".".join(
        [head, body, signature[:-4] + ("AAAA" if signature[-4:] != "AAAA" else "BBBB")]
    )
    with pytest.raises(Unauthorized):
        await verifier.verify(forged)
