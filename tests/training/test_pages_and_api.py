"""Pages and endpoints: each person sees only his scope; lists stay within a fixed number of queries."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.urls import reverse

from yifa.training.models import Course, StudySession

from .conftest import course, study

D = dt.date


def test_hours_page_shows_who_is_short_of_the_requirement(cast, login):
    course(cast, "shijian_liaison", [cast["shijian_officer"]], on=D(2025, 6, 10), hours=Decimal("12"))
    page = login(cast["shijian_head"]).get(reverse("training:hours") + "?year=2025&short=1").content.decode()
    assert "孙执法" in page and "未达要求" in page
    assert "民政局长" not in page  # another unit's people are not in the market bureau's scope


def test_a_unit_sees_its_own_courses_and_not_anothers(cast, login):
    mine = course(cast, "shijian_liaison", [cast["shijian_officer"]])
    theirs = course(cast, "minzheng_liaison", [cast["minzheng_head"]], topic="社会救助条例培训")
    client = login(cast["shijian_head"])
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 403
    assert client.get(reverse("training:course", args=[99999])).status_code == 404
    listing = client.get(reverse("training:courses") + "?year=2025").content.decode()
    assert "行政处罚法专题培训" in listing and "社会救助条例培训" not in listing


def test_an_attendee_of_another_units_course_sees_it(cast, login):
    shared = course(cast, "reviewer", [cast["shijian_officer"]], topic="全市执法人员公共法律知识培训")
    assert login(cast["shijian_officer"]).get(shared.get_absolute_url()).status_code == 200


def _today(monkeypatch, day):
    monkeypatch.setattr("yifa.training.views.timezone", SimpleNamespace(localdate=lambda: day))


def test_study_page_flags_the_unit_short_of_sessions_in_the_fourth_quarter(cast, login, monkeypatch):
    study(cast, "民政局", "minzheng_liaison", D(2026, 4, 20))
    study(cast, "市场监管局", "shijian_liaison", D(2026, 3, 5))
    study(cast, "市场监管局", "shijian_liaison", D(2026, 9, 18))
    client = login(cast["mayor"])
    _today(monkeypatch, D(2026, 9, 30))
    assert "请尽快组织学法" not in client.get(reverse("training:studies") + "?year=2026").content.decode()
    _today(monkeypatch, D(2026, 10, 8))
    page = client.get(reverse("training:studies") + "?year=2026").content.decode()
    row = page[page.index("江临市民政局") :]
    assert row[: row.index("</tr>")].count("第四季度仍不足2次") == 1
    row = page[page.index("江临市市场监管局") :]
    assert "已达要求" in row[: row.index("</tr>")]


def test_recording_a_study_session_from_the_page(cast, login):
    client = login(cast["minzheng_liaison"])
    response = client.post(
        reverse("training:study_create"),
        {
            "kind": "pre_meeting",
            "held_on": "2026-05-08",
            "law_studied": "重大行政决策程序暂行条例",
            "speaker": "民政局法规科科长",
            "meeting": "局务会议（2026年第5次）",
            "attendees": [cast["minzheng_head"].pk, cast["minzheng_liaison"].pk],
        },
    )
    session = StudySession.objects.get()
    assert response.status_code == 302 and response.url == session.get_absolute_url()
    assert session.attendees.count() == 2
    assert "局务会议（2026年第5次）" in client.get(session.get_absolute_url()).content.decode()


def test_a_bad_course_form_says_which_field_and_writes_nothing(cast, login):
    client = login(cast["shijian_liaison"])
    response = client.post(
        reverse("training:course_create"),
        {"topic": "", "held_on": "2025-06-10", "hours": "0", "attendees": [cast["shijian_officer"].pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "培训主题" in text and "学时" in text
    assert not Course.objects.exists()


def test_the_public_cannot_open_the_pages(client):
    for name in ("training:hours", "training:courses", "training:studies"):
        assert client.get(reverse(name)).status_code == 302


def test_lists_stay_within_their_query_budget(cast, login, django_assert_max_num_queries):
    people = [cast[k] for k in ("shijian_officer", "shijian_head", "shijian_liaison")]
    for i in range(12):
        course(cast, "reviewer", people, on=D(2025, 1 + i % 12, 3), topic=f"培训{i}")
        study(cast, "市场监管局", "shijian_liaison", D(2025, 1 + i % 12, 5))
    client = login(cast["mayor"])
    for url in ("training:hours", "training:courses", "training:studies"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(url) + "?year=2025").status_code == 200


def test_api_lists_hours_and_study_counts_in_scope(cast, login):
    course(cast, "shijian_liaison", [cast["shijian_officer"]], on=D(2025, 6, 10), hours=Decimal("12"))
    client = login(cast["shijian_head"])
    body = client.get("/api/training/hours?year=2025&short=true").json()
    names = {row["name"]: row for row in body["items"]}
    assert names["孙执法"]["hours"] == "12.0" and names["孙执法"]["required"] == "80.0" and names["孙执法"]["short"]
    assert "民政局长" not in names
    counts = client.get("/api/training/study?year=2025").json()
    assert [c["unit"] for c in counts] == ["江临市市场监管局"]


def test_api_records_a_course_and_refuses_people_outside_scope(cast, login):
    client = login(cast["shijian_liaison"])
    good = {"topic": "执法文书制作", "held_on": "2025-06-10", "hours": "4", "attendees": [cast["shijian_officer"].pk]}
    response = client.post("/api/training/courses", good, content_type="application/json")
    assert response.status_code == 201
    bad = {**good, "attendees": [cast["minzheng_head"].pk]}
    response = client.post("/api/training/courses", bad, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "attendees"
    assert Course.objects.count() == 1
