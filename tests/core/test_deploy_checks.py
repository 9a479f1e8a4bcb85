"""yifa check --deploy refuses production without its own keys."""

from yifa.core.checks import production_keys


def test_production_without_own_keys_is_refused(settings):
    settings.SECRET_KEY = settings.DEV_SECRET_KEY
    settings.FIELD_ENCRYPTION_KEY = ""
    assert [e.id for e in production_keys(None)] == ["yifa.E001", "yifa.E002"]


def test_production_with_own_keys_passes(settings):
    settings.SECRET_KEY = "k" * 10 + "a-real-random-key-of-fifty-characters-or-more-0123456789"
    settings.FIELD_ENCRYPTION_KEY = "another-random-key"
    assert production_keys(None) == []
