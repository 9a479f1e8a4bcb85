"""The year's 法制培训要点 and each unit's training plan, due in the first quarter (the arrangement, 六、第17项):
a clock per department and township from publication, on the unit's to-do, overdue from 1 April."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.core.errors import AccessDenied, GateBlocked
from yifa.core.models import Deadline, DeadlineStatus
from yifa.core.procedure import fire
from yifa.core.sweep import run_sweep
from yifa.training import rules, services
from yifa.training.flows import OUTLINE, PLANS
from yifa.training.models import PlanState, TrainingOutline, UnitTrainingPlan
from yifa.training.todo import items_for

D = dt.date


FEB_9 = D(2026, 2, 9)


def published(cast, *, year=2026, on=FEB_9, **kwargs):
    outline = services.outline_draft(
        by=cast["reviewer"], year=year, title=f"{year}年度政府法制培训要点", body="一、培训重点……", **kwargs
    )
    return fire(OUTLINE, outline, "publish", by=cast["reviewer"], expected_version=outline.version, on=on)


def plan_of(outline, unit):
    return UnitTrainingPlan.objects.get(outline=outline, unit=unit)


def test_plans_are_due_on_the_last_day_of_the_first_quarter():
    # “第一季度” ends on 31 March (no “前” to exclude it), in a leap year as in any other
    assert rules.plans_due_default(2026) == D(2026, 3, 31)
    assert rules.plans_due_default(2028) == D(2028, 3, 31)


def test_publishing_the_outline_starts_each_units_clock_to_31_march(cast):
    outline = published(cast)
    assert outline.plans_due == D(2026, 3, 31)
    plans = UnitTrainingPlan.objects.filter(outline=outline)
    units = {p.unit for p in plans}
    assert {cast["民政局"], cast["市场监管局"], cast["青石镇"]} <= units
    assert cast.city not in units  # 各乡镇各部门: the government itself is not asked
    clocks = Deadline.objects.filter(rule_id=rules.TRAINING_PLAN.id, status=DeadlineStatus.RUNNING)
    assert clocks.count() == plans.count()
    minzheng = clocks.get(unit=cast["民政局"])
    assert minzheng.due == D(2026, 3, 31) and minzheng.link == plan_of(outline, cast["民政局"]).get_absolute_url()


def test_the_plan_warns_on_the_units_todo_and_goes_overdue_from_1_april(cast, login, monkeypatch):
    outline = published(cast)
    titles = [i["title"] for i in items_for(cast["minzheng_liaison"], D(2026, 3, 31))]
    assert "报送2026年度培训工作计划" in titles
    item = next(i for i in items_for(cast["minzheng_liaison"], D(2026, 3, 31)) if "培训工作计划" in i["title"])
    assert (item["due"], item["rag"]) == (D(2026, 3, 31), "amber")  # the last day still counts
    run_sweep(D(2026, 3, 31))
    clock = Deadline.objects.get(rule_id=rules.TRAINING_PLAN.id, unit=cast["民政局"])
    assert not clock.overdue_marked
    run_sweep(D(2026, 4, 1))
    clock.refresh_from_db()
    assert clock.overdue_marked
    late = next(i for i in items_for(cast["minzheng_liaison"], D(2026, 4, 1)) if "培训工作计划" in i["title"])
    assert late["title"] == "逾期未报送2026年度培训工作计划" and late["rag"] == "red"
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: D(2026, 4, 1))
    page = login(cast["reviewer"]).get(outline.get_absolute_url()).content.decode()
    assert "江临市民政局</a></td><td>待报送（逾期）" in page


def test_filing_the_plan_stops_its_clock_and_clears_the_todo(cast):
    outline = published(cast)
    plan = plan_of(outline, cast["民政局"])
    filed = fire(
        PLANS,
        plan,
        "file",
        by=cast["minzheng_liaison"],
        expected_version=plan.version,
        on=D(2026, 3, 20),
        body="全年安排培训四次……",
    )
    assert (filed.state, filed.filed_on, filed.filed_by) == (PlanState.FILED, D(2026, 3, 20), cast["minzheng_liaison"])
    clock = Deadline.objects.get(rule_id=rules.TRAINING_PLAN.id, unit=cast["民政局"])
    assert clock.status == DeadlineStatus.MET
    assert not [i for i in items_for(cast["minzheng_liaison"], D(2026, 3, 25)) if "培训工作计划" in i["title"]]
    # another unit's clock still runs
    assert (
        Deadline.objects.get(rule_id=rules.TRAINING_PLAN.id, unit=cast["市场监管局"]).status == DeadlineStatus.RUNNING
    )


def test_a_plan_filed_after_31_march_is_late(cast):
    outline = published(cast)
    plan = plan_of(outline, cast["市场监管局"])
    fire(PLANS, plan, "file", by=cast["shijian_liaison"], expected_version=plan.version, on=D(2026, 4, 1), body="计划")
    clock = Deadline.objects.get(rule_id=rules.TRAINING_PLAN.id, unit=cast["市场监管局"])
    assert clock.status == DeadlineStatus.LATE


def test_only_the_legal_office_publishes_and_only_the_unit_files_its_own_plan(cast):
    with pytest.raises(AccessDenied):
        services.outline_draft(by=cast["minzheng_head"], year=2026, title="要点", body="……")
    outline = published(cast)
    plan = plan_of(outline, cast["民政局"])
    with pytest.raises(AccessDenied):
        fire(PLANS, plan, "file", by=cast["shijian_liaison"], expected_version=plan.version, body="别人的计划")
    assert plan_of(outline, cast["民政局"]).state == PlanState.PENDING


def test_bad_outline_input_is_refused_with_every_field_named_and_nothing_written(cast):
    with pytest.raises(GateBlocked) as exc:
        services.outline_draft(by=cast["reviewer"], year=2026, title=" ", body="", plans_due=D(2027, 1, 10))
    text = str(exc.value)
    assert "标题：必须填写" in text and "培训要点：必须填写" in text and "须在2026年内" in text
    assert not TrainingOutline.objects.exists() and not UnitTrainingPlan.objects.exists()


def test_an_outline_cannot_be_published_with_its_due_day_already_past(cast):
    outline = services.outline_draft(by=cast["reviewer"], year=2026, title="2026年度要点", body="……")
    with pytest.raises(GateBlocked) as exc:
        fire(OUTLINE, outline, "publish", by=cast["reviewer"], expected_version=outline.version, on=D(2026, 4, 8))
    assert "2026年03月31日已过" in str(exc.value)
    assert not Deadline.objects.filter(rule_id=rules.TRAINING_PLAN.id).exists()
    fire(
        OUTLINE,
        outline,
        "edit",
        by=cast["reviewer"],
        expected_version=outline.version,
        title=outline.title,
        body=outline.body,
        plans_due=D(2026, 5, 15),
    )
    outline.refresh_from_db()
    fire(OUTLINE, outline, "publish", by=cast["reviewer"], expected_version=outline.version, on=D(2026, 4, 8))
    assert Deadline.objects.filter(rule_id=rules.TRAINING_PLAN.id, due=D(2026, 5, 15)).exists()


def test_the_pages_draft_publish_and_file(cast, login, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: D(2026, 2, 9))
    office = login(cast["reviewer"])
    page = office.get(reverse("training:plans") + "?year=2026").content.decode()
    assert "起草2026年度法制培训要点" in page and 'value="2026-03-31"' in page
    response = office.post(
        reverse("training:outline_create"),
        {"year": 2026, "title": "2026年度政府法制培训要点", "body": "一、……", "plans_due": "2026-03-31"},
    )
    outline = TrainingOutline.objects.get()
    assert response.status_code == 302 and response.url == outline.get_absolute_url()
    office.post(reverse("training:outline_act", args=[outline.pk, "publish"]), {"publish-version": outline.version})
    outline.refresh_from_db()
    assert outline.published_on is not None
    unit = login(cast["minzheng_liaison"])
    plan = plan_of(outline, cast["民政局"])
    assert "报送培训工作计划" in unit.get(plan.get_absolute_url()).content.decode()
    assert unit.get(plan_of(outline, cast["市场监管局"]).get_absolute_url()).status_code == 403
    unit.post(
        reverse("training:plan_act", args=[plan.pk, "file"]),
        {"file-version": plan.version, "file-body": "全年培训安排"},
    )
    assert plan_of(outline, cast["民政局"]).state == PlanState.FILED
    listing = office.get(reverse("training:plans") + "?year=2026").content.decode()
    assert "江临市民政局" in listing and "已报送" in listing
