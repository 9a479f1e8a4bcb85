"""The shared cast: the demo city's units and one person per role."""
import datetime as dt

import pytest
from django.test import Client

from yifa.core.demo import DEMO_PASSWORD, build_city
from yifa.lib.workdays import calendar_from_package


@pytest.fixture(scope="session")
def package_calendar():
    """The State Council schedules 2004–2026, without the database."""
    return calendar_from_package(2004, 2026)


@pytest.fixture
def cast(db):
    return build_city()


@pytest.fixture
def login(client):
    def as_(user) -> Client:
        client.force_login(user)
        return client
    return as_


@pytest.fixture
def today():
    return dt.date(2026, 11, 26)


__all__ = ["DEMO_PASSWORD"]
