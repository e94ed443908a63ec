import pytest
from cryptography.fernet import Fernet

from kit.secrets import Sealer, SecretsNotConfigured, SecretUnreadable


def test_a_new_first_key_encrypts_and_old_tokens_still_open_and_rotate() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    token = Sealer([old]).encrypt(b"page-token")
    both = Sealer([new, old])
    assert both.decrypt(token) == b"page-token"
    rotated = both.rotate(token)
    assert Sealer([new]).decrypt(rotated) == b"page-token"
    with pytest.raises(SecretUnreadable):
        Sealer([old]).decrypt(rotated)


def test_without_keys_nothing_is_sealed() -> None:
    sealer = Sealer([])
    assert not sealer.configured
    with pytest.raises(SecretsNotConfigured):
        sealer.encrypt(b"x")
    assert "keys hidden" in repr(Sealer([Fernet.generate_key().decode()]))
