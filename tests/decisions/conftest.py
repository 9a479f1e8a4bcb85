import pytest

from .builders import drafted


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The shared cast creates ~25 users; PBKDF2 makes that many seconds per test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def simple_decision(cast):
    """Not of public interest, not technical, no hearing: only drafting is required."""
    return drafted(cast)
