"""Every page and API list (found from the URL patterns and the OpenAPI schema, so new modules are covered)
stays within the query budget, and its query count does not grow from the demo city to a seeded one: an N+1
fails here. Counts, not times: speed is measured in bench/."""

import datetime as dt

import pytest
from django.test import Client

from tests.conftest import StaffClient
from yifa.core.endpoints import SqlLog, discover_api, discover_pages
from yifa.core.registry import contributions
from yifa.core.seed import Progress, seed

pytestmark = pytest.mark.django_db
BUDGET = 20
ROOM = 3  # a list with rows may show sections an empty one does not (the intake form: +3): never one per row
VIEWERS = ("reviewer", "minzheng_liaison", "admin")
# The to-do page asks every module's todo.py (a few queries each, never one per row). It is each viewer's first
# page, so the session's once-a-minute touch (core.middleware TOUCH_EVERY: 3 queries) falls on it when the run is
# slow: that is counted too.
OWN_BUDGET = {"/staff/": 3 * len(list(contributions("todo"))) + 5 + 3}  # + the frame: session, user, menu, unread
# The assessment computes each declared indicator with one grouped query for all units (never one per unit or
# row): its pages grow by one query per indicator a module declares in scores.py (disclosure's reply rate: 21).
SCORED = 21
OWN_BUDGET |= {"/staff/assessment/": SCORED, "/api/assessment/scores": SCORED}


def load_demo(cast):
    for name, module in contributions("demo"):
        if name != "core" and hasattr(module, "load"):
            module.load(cast)


def counts(clients) -> dict:
    found = {}
    targets = [(url, public) for _, url, public in discover_pages()]
    targets += [(path, public) for _, path, public in discover_api()]
    for url, public in targets:
        for viewer, client in clients.items():
            if public != (viewer == "public"):
                continue
            with SqlLog() as captured:
                status = client.get(url).status_code
            found[(url, viewer)] = (status, len(captured))
    return found


def test_every_page_and_api_list_keeps_its_query_count_as_the_data_grows(cast):
    load_demo(cast)
    clients = {"public": Client()}
    for username in VIEWERS:
        clients[username] = StaffClient()
        clients[username].force_login(cast[username])
    small = counts(clients)
    seed(scale=200, today=dt.date.today(), progress=Progress(quiet=True))
    large = counts(clients)

    errors = [f"{url}（{who}）：HTTP {s}" for (url, who), (s, _) in large.items() if s >= 500]
    over = [f"{url}（{who}）：{n}次查询" for (url, who), (_, n) in large.items() if n > OWN_BUDGET.get(url, BUDGET)]
    growing = [
        f"{url}（{who}）：{small[key][1]} → {n}次查询"
        for key, (_, n) in large.items()
        for url, who in [key]
        if n > small[key][1] + ROOM
    ]
    assert not errors, errors
    assert not over, over
    assert not growing, growing
    assert len(large) > 60  # the discovery found the modules' pages and endpoints
