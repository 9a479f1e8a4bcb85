"""schemathesis over the whole API, with an administrator's bearer token and without one (make test-api).

Runs the WSGI application in-process against the demo city: nothing is started, nothing listens. Passes
only if no case gets a server error or a status code the OpenAPI schema does not declare, and at least
MIN_CASES cases ran. Not collected by the ordinary suite (its name does not start with test_)."""

from __future__ import annotations

import io
import logging
import os
from collections import Counter

import pytest
import schemathesis
from axes.models import AccessAttempt
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from yifa.wsgi import application

# Refusals are what most cases are meant to get; only server errors are worth a log line here.
logging.getLogger("django.request").setLevel(logging.ERROR)
logging.getLogger("axes").setLevel(logging.ERROR)
MIN_CASES = 1000
EXAMPLES = int(os.environ.get("YIFA_FUZZ_EXAMPLES", 25))
RAN: Counter = Counter()
TOKEN: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo city with every module's demo records, and an administrator's token, for all cases."""
    from yifa.core.models import ApiToken, User

    with django_db_blocker.unblock():
        call_command("demo", stdout=io.StringIO())
        _, TOKEN["admin"] = ApiToken.issue(user=User.objects.get(username="admin"), name="schemathesis")


@pytest.fixture
def wsgi_transaction(db):
    # The raw WSGI handler would close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
CHECKS = [not_a_server_error, status_code_conformance]
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def call(case, kind: str, headers=None) -> None:
    # Each case starts unlocked: the lockout is tested elsewhere, and a locked address would turn every
    # later case into a 429 that explores nothing.
    AccessAttempt.objects.all().delete()
    RAN[kind] += 1
    case.call_and_validate(headers=headers, checks=CHECKS)


@schema.parametrize()
@HYPOTHESIS
def test_with_an_administrators_token(case, wsgi_transaction):
    call(case, "token", {"Authorization": f"Bearer {TOKEN['admin']}"})


@schema.parametrize()
@HYPOTHESIS
def test_without_a_token(case, wsgi_transaction):
    call(case, "anonymous")


def test_enough_cases_ran():
    total = sum(RAN.values())
    print(f"\nschemathesis：有令牌{RAN['token']}例，无令牌{RAN['anonymous']}例，共{total}例")
    assert total >= MIN_CASES, f"只运行了{total}例，少于{MIN_CASES}例"
