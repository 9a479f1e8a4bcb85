"""yifa check --deploy refuses production without its own keys, with DEBUG on, or without TOTP."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from yifa.core.checks import production_keys, production_mode

GOOD = {
    "SECRET_KEY": "Zq3vN8tL0wXr5bYc2mKd7hJf4sGp9aVe1uTiOyQw6nRl",
    "FIELD_ENCRYPTION_KEY": "p2Vx9LqT4mNc7bRz1yKw8dJh3sFg6aUe0tYiOo5nMl",
    "AUDIT_KEY": "H7rT2wQe9yUi4oPa1sDf6gJk3lZx8cVb0nMq5wEr",
    "DEBUG": False,
    "TOTP_REQUIRED": True,
}


@pytest.fixture
def production(settings):
    for name, value in GOOD.items():
        setattr(settings, name, value)
    return settings


def ids():
    return [e.id for e in production_keys(None) + production_mode(None)]


def test_production_with_own_keys_passes(production):
    assert ids() == []


def test_production_without_own_keys_is_refused(production):
    production.SECRET_KEY = production.DEV_SECRET_KEY
    production.FIELD_ENCRYPTION_KEY = ""
    production.AUDIT_KEY = production.DEV_AUDIT_KEY
    assert ids() == ["yifa.E001", "yifa.E002", "yifa.E004"]


@pytest.mark.parametrize("placeholder", ["CHANGE-ME", "abc", "changeme-changeme-changeme-changeme-1", "a" * 40])
def test_placeholder_or_weak_field_key_is_refused(production, placeholder):
    production.FIELD_ENCRYPTION_KEY = placeholder
    assert ids() == ["yifa.E003"]


@pytest.mark.parametrize("placeholder", ["CHANGE-ME", "short-key"])
def test_placeholder_secret_and_audit_keys_are_refused(production, placeholder):
    production.SECRET_KEY = production.AUDIT_KEY = placeholder
    assert ids() == ["yifa.E001", "yifa.E004"]


def test_debug_is_an_error_not_a_warning(production):
    production.DEBUG = True
    with pytest.raises(SystemCheckError, match="yifa.E005") as err:
        call_command("check", "--deploy", "--fail-level", "ERROR")
    assert "DEBUG 已打开" in str(err.value)


def test_the_demo_switch_for_totp_is_refused_in_production(production):
    production.TOTP_REQUIRED = False
    with pytest.raises(SystemCheckError, match="yifa.E006"):
        call_command("check", "--deploy")


def test_debug_is_off_unless_turned_on(monkeypatch):
    import importlib

    import yifa.settings as module

    monkeypatch.delenv("YIFA_DEBUG", raising=False)
    assert importlib.reload(module).DEBUG is False
    monkeypatch.setenv("YIFA_DEBUG", "1")
    assert importlib.reload(module).DEBUG is True
    monkeypatch.delenv("YIFA_DEBUG")
    importlib.reload(module)
