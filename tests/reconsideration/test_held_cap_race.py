"""The cap on held applications holds when many arrive at once: each takes a numbered place of the day,
and the database refuses a second holder of a place (PostgreSQL, eight connections)."""

import threading

import pytest
from django.db import connection, connections

from yifa.reconsideration.intake_models import IntakeState, OnlineIntake

from .test_online_quotas import fixed_day, open_limits, submit  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # keeps the seeded calendar for later tests
    pytest.mark.skipif(connection.vendor != "postgresql", reason="eight connections writing at once: PostgreSQL"),
    pytest.mark.usefixtures("fixed_day", "open_limits"),
]


def test_eight_simultaneous_applications_never_pass_the_held_cap(cast, settings):
    settings.APPLY_PER_DAY = 0
    settings.APPLY_HELD_PER_DAY = 3
    start = threading.Barrier(8, timeout=30)
    codes = []

    def apply(n):
        try:
            start.wait()
            codes.append(submit(cast, n).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=apply, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [302] * 3 + [429] * 5
    assert OnlineIntake.objects.filter(state=IntakeState.HELD).count() == 3
