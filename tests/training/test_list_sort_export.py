"""Training's staff lists sort by their column headers and go to Excel as the page shows them (hours against
the year's requirement, plans overdue against the outline's date, the user's scope)."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.list_checks import sheet, sorts_and_exports
from yifa.core.models import User
from yifa.training import demo
from yifa.training.models import Course, StudySession

pytestmark = pytest.mark.django_db

# url: (the column sorted, its header)
LISTS = {
    "/staff/training/": ("hours", "已完成学时"),
    "/staff/training/courses/?year={last}": ("held_on", "日期"),  # the demo's courses were last year
    "/staff/training/study/": ("held_on", "日期"),
}


@pytest.fixture
def loaded(cast):
    demo.load(cast)
    return cast


@pytest.mark.parametrize("url", LISTS)
def test_a_training_list_sorts_and_exports(loaded, login, url):
    key, header = LISTS[url]
    url = url.format(last=timezone.localdate().year - 1)
    rows = sorts_and_exports(login(loaded["legal_head"]), url, key, header)
    assert len(rows) > 1, f"{url}: the demo city has rows to export"


def test_the_hours_export_shows_each_persons_requirement_and_standing_for_one_units_head(loaded, login):
    head = loaded["minzheng_head"]
    rows = sheet(login(head).get("/staff/training/?format=xlsx"))
    assert rows[0] == ("姓名", "单位", "类别", "已完成学时", "要求", "状态")
    assert {r[1] for r in rows[1:]} == {head.unit.name}
    assert len(rows) - 1 == User.objects.filter(unit=head.unit, is_active=True).count()
    for _, _, kind, done, need, standing in rows[1:]:
        assert kind in {"行政执法人员", "机关工作人员"}
        assert standing == ("未达要求" if done < need else "已达要求")


def test_the_course_export_counts_attendees_in_one_query(loaded, login, django_assert_max_num_queries):
    client = login(loaded["legal_head"])
    with django_assert_max_num_queries(12):
        rows = sheet(client.get(f"/staff/training/courses/?year={timezone.localdate().year - 1}&format=xlsx"))
    counts = {c.topic: c.attendance.count() for c in Course.objects.all()}
    assert {r[1]: r[5] for r in rows[1:]} == counts


def test_a_units_study_export_holds_only_its_sessions(loaded, login):
    head = loaded["minzheng_head"]
    rows = sheet(login(head).get("/staff/training/study/?format=xlsx"))
    assert len(rows) - 1 == StudySession.objects.filter(unit=head.unit, held_on__year=rows[1][0].year).count()
    assert {r[1] for r in rows[1:]} == {head.unit.name}


def test_the_plan_export_says_which_plans_are_overdue_and_a_unit_sees_its_own(cast, login):
    from yifa.core.procedure import fire
    from yifa.training import services
    from yifa.training.flows import OUTLINE

    year = timezone.localdate().year - 1
    outline = services.outline_draft(by=cast["reviewer"], year=year, title=f"{year}年度要点", body="一、培训重点……")
    outline = fire(
        OUTLINE, outline, "publish", by=cast["reviewer"], expected_version=outline.version, on=dt.date(year, 2, 9)
    )
    for url in (f"/staff/training/plans/?year={year}", f"/staff/training/plans/outline/{outline.pk}/"):
        rows = sorts_and_exports(login(cast["legal_head"]), url, "filed_on", "报送日", filled=False)
        assert rows[0] == ("单位", "状态", "报送日", "届满日")
        assert {r[1] for r in rows[1:]} == {"待报送（逾期）"}
        assert {r[3] for r in rows[1:]} == {dt.datetime(year, 3, 31)}
        assert len(rows) > 3
    own = sheet(login(cast["minzheng_head"]).get(f"/staff/training/plans/?year={year}&format=xlsx"))
    assert [r[0] for r in own[1:]] == [cast["民政局"].name]
