"""Assigned tasks join the core deadline pages: each unit's share has its due date, stopped on closing."""

import datetime as dt

import pytest
from django.core.management import call_command

from yifa.core import queries, services
from yifa.core.models import Deadline, DeadlineStatus, Event
from yifa.plans import rules, supervision

from .test_supervision import confirmed_small_plan

D = dt.date
pytestmark = pytest.mark.django_db


def test_confirmed_tasks_appear_on_each_units_deadline_list(cast):
    plan, task = confirmed_small_plan(cast)
    mine = queries.deadlines_for(cast["minzheng_liaison"], status="open", today=D(2026, 3, 1))
    row = mine.get(rule_id=rules.TASK_DUE.id, subject_label__contains=task.title)
    assert row.due == D(2026, 3, 31) and row.unit == cast["民政局"]
    assert "完成时限为2026年3月31日" in row.explanation
    others = queries.deadlines_for(cast["town1_liaison"], status="open", today=D(2026, 3, 1))
    assert not others.filter(subject_label__contains=task.title).exists()


def test_overdue_task_is_marked_by_the_sweep_and_closing_stops_its_clocks(cast):
    plan, task = confirmed_small_plan(cast)
    call_command("sweep", today="2026-04-01")
    shijian = Deadline.objects.get(
        rule_id=rules.TASK_DUE.id, unit=cast["市场监管局"], subject_label__contains=task.title
    )
    assert shijian.overdue_marked
    marks = Event.objects.filter(action="deadline.overdue", unit=cast["市场监管局"])
    assert any(shijian.pk in mark.data["ids"] for mark in marks)  # one event per unit lists its clocks
    for assignment in task.assignments.all():
        supervision.progress_report(
            by=cast["minzheng_liaison"] if assignment.unit == cast["民政局"] else cast["shijian_head"],
            assignment=assignment,
            status="done",
            percent=100,
            narrative="已完成",
            on=D(2026, 4, 8),
        )
    supervision.task_close(by=cast["reviewer"], task=task, on=D(2026, 4, 9))
    statuses = set(
        Deadline.objects.filter(rule_id=rules.TASK_DUE.id, subject_label__contains=task.title).values_list(
            "status", flat=True
        )
    )
    assert statuses == {DeadlineStatus.LATE}


def test_calendar_edits_leave_fixed_task_dates_alone(cast):
    plan, task = confirmed_small_plan(cast)
    services.calendar_day_set(by=cast["admin"], date=D(2026, 3, 30), kind="holiday", name="测试")
    row = Deadline.objects.filter(rule_id=rules.TASK_DUE.id, subject_label__contains=task.title).first()
    assert row.due == D(2026, 3, 31)
