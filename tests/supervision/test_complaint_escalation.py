"""督办: the legal office escalates a complaint to the complained-of unit; the plans module files it as a task of
that unit in the year's 执法投诉督办 register (an event, no model imported across), where it runs on the unit's
to-do and the task board with its due date; the unit's completion there shows on the complaint."""

import pytest
from django.urls import reverse

from yifa.core.errors import AccessDenied, GateBlocked
from yifa.core.models import Event, Notification
from yifa.plans import supervision as plan_supervision
from yifa.plans.models import Assignment, PlanTask, WorkPlan
from yifa.supervision import services
from yifa.supervision.models import Complaint

from .conftest import D

RECEIVED, ESCALATED, DUE = D(2026, 9, 28), D(2026, 10, 12), D(2026, 10, 30)


@pytest.fixture
def complaint(cast):
    return services.complaint_receive(
        by=cast["legal_head"],
        unit=cast["市场监管局"],
        channel="hotline",
        complainant_name="赵六",
        content="执法人员检查时未出示执法证",
        received_on=RECEIVED,
    )


def test_escalation_files_a_task_for_the_unit_on_its_to_do_and_the_board(cast, login, travel, complaint):
    travel(ESCALATED)
    legal = login(cast["legal_head"])
    response = legal.post(
        reverse("supervision:complaint_act", args=[complaint.pk, "escalate"]),
        {"escalate-due": "2026-10-30", "escalate-note": "核查执法人员是否亮证并整改", "escalate-version": 1},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    task = PlanTask.objects.get(source=f"enforcement_complaint:{complaint.pk}")
    assert task.due == DUE and task.state == "open" and task.source_link == complaint.get_absolute_url()
    assert task.plan.title == "2026年执法投诉督办" and task.plan.state == "confirmed"
    assert [a.unit for a in task.assignments.all()] == [cast["市场监管局"]]
    assert Notification.objects.filter(user=cast["shijian_liaison"], link=task.get_absolute_url()).exists()

    todo = login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
    # (the complaint's own reply clock is also there, due 2026-10-23: the task is a separate row)
    assert f"交办任务：执法投诉督办：{complaint.number}" in todo and task.get_absolute_url() in todo
    assert "2026-10-30" in todo

    page = legal.get(complaint.get_absolute_url()).content.decode()
    assert task.get_absolute_url() in page and "时限2026-10-30" in page
    assert complaint.get_absolute_url() in legal.get(task.get_absolute_url()).content.decode()

    assert "，已逾期</span>" not in page
    travel(D(2026, 11, 2))  # past the date: on the board's overdue list, and shown on the complaint
    board = legal.get(reverse("plans:board")).content.decode()
    assert complaint.number in board
    assert "，已逾期</span>" in legal.get(complaint.get_absolute_url()).content.decode()


def test_a_second_escalation_goes_in_the_same_years_register(cast, travel, complaint):
    travel(ESCALATED)
    other = services.complaint_receive(
        by=cast["legal_head"], unit=cast["市场监管局"], channel="hotline", complainant_name="钱七", content="罚款未开票"
    )
    for c in (complaint, other):
        services.complaint_escalate(c, by=cast["legal_head"], due=DUE, note="核查整改")
    assert WorkPlan.objects.filter(title="2026年执法投诉督办").count() == 1
    assert list(PlanTask.objects.order_by("order").values_list("number", flat=True)) == ["1", "2"]
    with pytest.raises(Exception, match="交办督办"):  # once only
        services.complaint_escalate(complaint, by=cast["legal_head"], due=DUE, note="再次")


@pytest.mark.parametrize("who", ["shijian_liaison", "shijian_head", "minzheng_liaison"])
def test_only_the_legal_office_escalates(cast, login, travel, complaint, who):
    travel(ESCALATED)
    with pytest.raises(AccessDenied):
        services.complaint_escalate(complaint, by=cast[who], due=DUE, note="督办")
    assert not PlanTask.objects.exists()
    page = login(cast["shijian_liaison"]).get(complaint.get_absolute_url()).content.decode()
    assert "交办督办" not in page


@pytest.mark.parametrize(
    "due, says",
    [
        (D(2026, 10, 9), "督办时限：须晚于今天"),
        (ESCALATED, "督办时限：须晚于今天"),
        (D(2026, 10, 25), "督办时限：须为工作日，2026-10-25为休息日"),  # a Sunday
        (None, "督办时限：须填写日期"),
    ],
)
def test_a_due_date_that_is_not_a_future_working_day_is_refused_and_nothing_is_written(
    cast, travel, complaint, due, says
):
    travel(ESCALATED)
    events = Event.objects.count()
    with pytest.raises(GateBlocked) as refused:
        services.complaint_escalate(complaint, by=cast["legal_head"], due=due, note="督办")
    assert [p for p in refused.value.unmet if says in p]
    assert not PlanTask.objects.exists() and not WorkPlan.objects.exists()
    assert Event.objects.count() == events
    assert Complaint.objects.get().escalated_on is None


def test_the_page_refuses_a_past_date_naming_the_field(cast, login, travel, complaint):
    travel(ESCALATED)
    response = login(cast["legal_head"]).post(
        reverse("supervision:complaint_act", args=[complaint.pk, "escalate"]),
        {"escalate-due": "2026-10-09", "escalate-note": "督办", "escalate-version": 1},
    )
    assert "督办时限：须晚于今天" in response.content.decode()
    assert not PlanTask.objects.exists()


def test_the_units_completion_in_plans_shows_on_the_complaint(cast, login, travel, complaint):
    travel(ESCALATED)
    services.complaint_escalate(complaint, by=cast["legal_head"], due=DUE, note="核查整改")
    share = Assignment.objects.get(unit=cast["市场监管局"])
    plan_supervision.progress_report(
        by=cast["shijian_liaison"], assignment=share, status="in_progress", percent=50, narrative="正在核查"
    )
    legal = login(cast["legal_head"])
    assert "推进中 50%" in legal.get(complaint.get_absolute_url()).content.decode()

    travel(D(2026, 10, 20))
    share.refresh_from_db()
    plan_supervision.progress_report(
        by=cast["shijian_liaison"],
        assignment=share,
        status="done",
        percent=100,
        narrative="已核查，对执法人员批评教育",
        expected_version=share.version,
    )
    page = legal.get(complaint.get_absolute_url()).content.decode()
    assert "已完成（2026-10-20报告完成）" in page
    plan_supervision.task_close(by=cast["legal_head"], task=share.task)
    assert "2026-10-20确认办结" in legal.get(complaint.get_absolute_url()).content.decode()
    todo = login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
    assert share.task.get_absolute_url() not in todo  # done: off the unit's to-do (the reply clock stays)


def test_the_api_and_the_bare_transition_meet_the_same_due_date_guard_as_the_page(cast, login, travel, complaint):
    import json

    from yifa.core.procedure import fire
    from yifa.supervision.flows import COMPLAINT_FLOW

    travel(ESCALATED)
    sunday = "督办时限：须为工作日，2026-10-25为休息日"
    with pytest.raises(GateBlocked) as refused:
        fire(COMPLAINT_FLOW, complaint, "escalate", by=cast["legal_head"], on=ESCALATED, due=D(2026, 10, 25), note="x")
    assert refused.value.unmet == [sunday]
    api = login(cast["legal_head"])
    url = f"/api/supervision/complaints/{complaint.pk}/escalate"
    sunday_due = json.dumps({"version": 1, "due": "2026-10-25", "note": "督办"})
    bad = api.post(url, sunday_due, content_type="application/json")
    assert bad.status_code == 409 and bad.json()["unmet"] == [sunday]
    assert Complaint.objects.get().escalated_on is None and not PlanTask.objects.exists()
    other = login(cast["shijian_liaison"])
    good = json.dumps({"version": 1, "due": "2026-10-30", "note": "核查整改"})
    assert other.post(url, good, content_type="application/json").status_code in (403, 404)
    done = login(cast["legal_head"]).post(url, good, content_type="application/json")
    assert done.status_code == 200 and done.json()["escalation_due"] == "2026-10-30"
    assert PlanTask.objects.filter(title__contains=complaint.number).count() == 1


def test_the_years_register_is_one_row_even_when_two_first_escalations_race(cast, travel, complaint, monkeypatch):
    from django.db import IntegrityError, transaction

    travel(ESCALATED)
    first = plan_supervision.register_for(by=cast["legal_head"], year=2026)
    with pytest.raises(IntegrityError), transaction.atomic():  # the table itself refuses a second
        WorkPlan.objects.create(
            title="2026年执法投诉督办", year=2026, register="complaints", source_text="", unit=first.unit
        )
    monkeypatch.setattr(plan_supervision, "_register", lambda year: None)  # the other request has not committed yet
    assert plan_supervision.register_for(by=cast["legal_head"], year=2026) == first
    services.complaint_escalate(complaint, by=cast["legal_head"], due=DUE, note="核查整改")
    assert WorkPlan.objects.filter(year=2026).count() == 1 and PlanTask.objects.get().plan == first
