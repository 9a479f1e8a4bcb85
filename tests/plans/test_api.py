"""/api/plans/: authentication, unit scope, parsing that writes nothing, progress with errors as JSON."""

import datetime as dt
import json

import pytest

from yifa.core.models import Event
from yifa.plans import supervision
from yifa.plans.models import WorkPlan

from .plan_texts import ARABIC_DOT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", "/api/plans/compliance"),
        ("post", "/api/plans/parse"),
        ("get", "/api/plans/tasks"),
        ("post", "/api/plans/tasks/1/progress"),
    ],
)
def test_api_needs_authentication(client, method, url):
    assert getattr(client, method)(url, content_type="application/json").status_code == 401


def test_compliance_is_scoped_to_the_users_units(cast, login):
    rows = login(cast["minzheng_liaison"]).get("/api/plans/compliance?year=2026").json()
    assert {r["unit"] for r in rows} == {"江临市民政局"}
    assert {r["kind"] for r in rows} == {"plan", "summary", "rule_of_law"}
    rows = login(cast["reviewer"]).get("/api/plans/compliance?year=2026").json()
    assert len({r["unit"] for r in rows}) == 11


def test_parse_returns_sections_and_tasks_and_saves_nothing(cast, login):
    body = (
        login(cast["minzheng_liaison"])
        .post("/api/plans/parse", json.dumps({"text": ARABIC_DOT}), content_type="application/json")
        .json()
    )
    assert [s["number"] for s in body["sections"]] == ["一", "二"]
    assert body["sections"][0]["tasks"][0]["due"] == "2025-04-30"  # “5月1日前” ends the day before
    assert WorkPlan.objects.count() == 0 and Event.objects.count() == 0


def assigned(cast):
    plan = supervision.plan_import(by=cast["reviewer"], text=ARABIC_DOT)
    for task in plan.tasks.all():
        task.assignments.create(unit=cast["民政局"])
    supervision.plan_confirm(by=cast["reviewer"], plan=plan, on=dt.date(2025, 2, 1))
    return plan


def test_tasks_are_scoped_and_progress_is_reported_by_the_unit(cast, login):
    assigned(cast)
    items = login(cast["minzheng_liaison"]).get("/api/plans/tasks").json()["items"]
    assert len(items) == 5 and items[0]["due"] == "2025-04-30" and items[0]["overdue"] is True
    assert login(cast["shijian_liaison"]).get("/api/plans/tasks").json()["items"] == []
    first, version = items[0]["id"], items[0]["version"]
    denied = login(cast["shijian_liaison"]).post(
        f"/api/plans/tasks/{first}/progress",
        json.dumps({"status": "done", "percent": 100, "narrative": "x", "version": version}),
        content_type="application/json",
    )
    assert denied.status_code == 403
    bad = login(cast["minzheng_liaison"]).post(
        f"/api/plans/tasks/{first}/progress",
        json.dumps({"status": "done", "percent": 50, "narrative": "x", "version": version}),
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["field"] == "percent"
    ok = login(cast["minzheng_liaison"]).post(
        f"/api/plans/tasks/{first}/progress",
        json.dumps({"status": "done", "percent": 100, "narrative": "已建立", "version": version}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["overdue"] is False
