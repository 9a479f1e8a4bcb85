"""A token's last use is written at most once a minute: a system polling the API does not turn every
read into a write."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from yifa.core.models import ApiToken

pytestmark = pytest.mark.django_db


def get(raw):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/api/core/deadlines", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    return [q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "apitoken" in q["sql"]]


def test_last_use_is_written_once_a_minute(cast, monkeypatch):
    token, raw = ApiToken.issue(user=cast["minzheng_liaison"], name="办公系统对接")
    assert len(get(raw)) == 1
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    assert [get(raw) for _ in range(3)] == [[], [], []]
    later = first + dt.timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert len(get(raw)) == 1
    assert ApiToken.objects.get(pk=token.pk).last_used_at == later
