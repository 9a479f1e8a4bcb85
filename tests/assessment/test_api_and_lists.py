"""Endpoints and list pages: scoped to the user, within a fixed number of queries, versioned writes."""

import datetime as dt

from django.urls import reverse

from yifa.assessment.models import Fact, LeaderReport, ReportState

from ..training.conftest import course, study

D = dt.date


def test_scores_api_lists_the_units_in_scope(cast, login):
    everyone = login(cast["mayor"]).get("/api/assessment/scores?year=2025").json()
    assert {r["unit"] for r in everyone} >= {"江临市民政局", "江临市市场监管局", "江临市青石镇"}
    assert all(float(r["total"]) <= 100 for r in everyone)
    own = login(cast["shijian_head"]).get("/api/assessment/scores?year=2025").json()
    assert [r["unit"] for r in own] == ["江临市市场监管局"]


def test_unit_api_refuses_another_units_score(cast, login):
    client = login(cast["shijian_head"])
    assert client.get(f"/api/assessment/units/{cast['民政局'].pk}?year=2025").status_code == 403
    body = client.get(f"/api/assessment/units/{cast['市场监管局'].pk}?year=2025").json()
    assert [line["code"] for line in body["lines"]][0] == "normdocs_filed"


def test_report_api_drafts_edits_with_the_version_and_submits(cast, login):
    client = login(cast["minzheng_head"])
    drafted = client.post("/api/assessment/reports", {"kind": "shufa", "year": 2025}, content_type="application/json")
    assert drafted.status_code == 201
    report = drafted.json()
    url = f"/api/assessment/reports/{report['id']}"
    edit = {"title": report["title"], "body": "本人履职情况……", "version": report["version"]}
    assert client.post(f"{url}/edit", edit, content_type="application/json").status_code == 200
    stale = client.post(f"{url}/edit", {**edit, "body": "覆盖"}, content_type="application/json")
    assert stale.status_code == 409
    version = client.get(url).json()["version"]
    assert client.post(f"{url}/submit", {"version": version}, content_type="application/json").status_code == 200
    saved = LeaderReport.objects.get()
    assert (saved.body, saved.state) == ("本人履职情况……", ReportState.SUBMITTED)
    assert login(cast["shijian_head"]).get(url).status_code == 403


def test_cockpit_unit_score_and_report_list_stay_within_their_query_budget(cast, login, django_assert_max_num_queries):
    people = [cast["shijian_officer"], cast["shijian_head"]]
    market = cast["市场监管局"]
    for i in range(6):
        course(cast, "shijian_liaison", people, on=D(2025, 1 + i, 3), topic=f"培训{i}")
        study(cast, "市场监管局", "shijian_liaison", D(2025, 1 + i, 5))
        for code, good in (("normdocs_filed", i % 2 == 0), ("reconsideration_upheld", i % 3 != 0)):
            Fact.objects.create(
                indicator=code,
                unit=market,
                year=2025,
                source=f"test:{code}:{i}",
                label=f"记录{i}",
                link="/staff/",
                good=good,
                on=D(2025, 1 + i, 9),
            )
    client = login(cast["mayor"])
    # the cockpit is the first request after login, so its 20 include the session's first write (3 statements
    # inside the test's transaction); the unit page after it runs on a settled session
    with django_assert_max_num_queries(20):
        assert client.get(reverse("assessment:cockpit") + "?year=2025").status_code == 200
    # the unit page reads every indicator's figures, not the records behind them: each line loads its own
    with django_assert_max_num_queries(16):
        page = client.get(reverse("assessment:unit", args=[market.pk]) + "?year=2025")
    assert page.status_code == 200 and ">记录0<" not in page.content.decode()
    for code in ("normdocs_filed", "reconsideration_upheld"):
        with django_assert_max_num_queries(8):
            records = client.get(
                reverse("assessment:unit_records", args=[market.pk, code]) + "?year=2025", headers={"HX-Request": "1"}
            )
        assert all(records.content.decode().count(f">记录{i}<") == 1 for i in range(6))  # every fact, linked
    with django_assert_max_num_queries(12):
        assert client.get(reverse("assessment:reports") + "?year=2025").status_code == 200
