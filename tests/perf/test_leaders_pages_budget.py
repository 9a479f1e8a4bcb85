"""The leaders' pages of issue 15 (the cockpit, a unit's score and the records behind one of its lines, the
scores API, the city-wide course list) take the same number of queries on the demo city and on seeded data,
for every role that sees them city-wide or as a unit: their figures come from counts kept as the data is
written, not from one query per unit, indicator or record. Counts, not times: speed is in bench/."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import StaffClient
from yifa.core.endpoints import SqlLog
from yifa.core.seed import Progress, seed

from .test_query_budget import BUDGET, load_demo

pytestmark = pytest.mark.django_db
VIEWERS = ("admin", "legal_head", "mayor", "minzheng_liaison")


def _urls(cast):
    unit = cast["民政局"].pk
    return [
        reverse("assessment:cockpit"),
        reverse("assessment:unit", args=[unit]),
        reverse("assessment:unit_records", args=[unit, "clocks_on_time"]),
        reverse("assessment:unit_records", args=[unit, "normdocs_filed"]),
        "/api/assessment/scores",
        reverse("training:courses"),
    ]


def _counts(clients, urls) -> dict:
    found = {}
    for viewer, client in clients.items():
        for url in urls:
            runs = []
            for _ in range(2):  # the lower of two: the session's once-a-minute touch is not the page's own
                with SqlLog() as captured:
                    status = client.get(url).status_code
                runs.append((status, len(captured)))
            found[(url, viewer)] = min(runs, key=lambda r: r[1])
    return found


def test_the_leaders_pages_take_the_same_queries_on_the_demo_city_and_on_seeded_data(cast):
    load_demo(cast)
    clients = {}
    for username in VIEWERS:
        clients[username] = StaffClient()
        clients[username].force_login(cast[username])
    urls = _urls(cast)
    # the course list counts its page's attendees in one query, not run while the page has no row
    room = {reverse("training:courses"): 1}
    small = _counts(clients, urls)
    seed(scale=300, today=dt.date.today(), progress=Progress(quiet=True))
    large = _counts(clients, urls)

    assert all(status == 200 for status, _ in large.values()), large
    over = {key: n for key, (_, n) in large.items() if n > BUDGET}
    grew = {key: (small[key][1], n) for key, (_, n) in large.items() if n > small[key][1] + room.get(key[0], 0)}
    assert not over, over
    assert not grew, grew
