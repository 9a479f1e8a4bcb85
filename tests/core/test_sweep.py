"""yifa sweep: reminders N and 1 working days ahead, overdue marks, the calendar reminder; never twice."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from yifa.core import clocks, services
from yifa.core.models import Event, Notification
from yifa.core.sweep import run_sweep

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def reply_clock(cast, reply_rule):
    # 10 working days from 2026-09-24: 9-28..30(1-3), 国庆 10-1..7, 10-8(4) 10-9(5) 10-10 调休(6) 10-12..15(7-10)
    return clocks.start_clock(
        subject=cast.units["民政局"],
        rule=reply_rule,
        start=D(2026, 9, 24),
        unit=cast.units["民政局"],
        assignee=cast.people["fuyi"],
    )


def sent_to(user):
    return list(Notification.objects.filter(user=user).order_by("id").values_list("title", flat=True))


def test_reminders_go_three_and_one_working_days_before_and_only_once(
    cast, reply_clock, settings, django_capture_on_commit_callbacks
):
    settings.REMIND_WORKDAYS_BEFORE = 3
    assert reply_clock.due == D(2026, 10, 15)
    liaison = cast.people["minzheng_liaison"]
    # 10-9: five working days left (10-10 make-up Saturday counts) → nothing yet
    assert run_sweep(D(2026, 10, 9)).reminders == 0
    assert run_sweep(D(2026, 10, 12)).reminders == 3  # liaison, head and the assignee
    assert run_sweep(D(2026, 10, 12)).reminders == 0
    assert run_sweep(D(2026, 10, 13)).reminders == 0
    assert run_sweep(D(2026, 10, 14)).reminders == 3
    assert run_sweep(D(2026, 10, 15)).reminders == 0
    assert sent_to(liaison) == ["被申请人提出书面答复将于2026年10月15日届满"] * 2
    bodies = list(Notification.objects.filter(user=liaison).order_by("id").values_list("body", flat=True))
    assert "还剩3个工作日" in bodies[0] and "还剩1个工作日" in bodies[1]
    assert sent_to(cast.people["fuyi"]) == ["被申请人提出书面答复将于2026年10月15日届满"] * 2
    assert sent_to(cast.people["shijian_liaison"]) == []
    assert len(mail.outbox) == 0  # e-mail leaves only once the sweep's transaction has committed
    with django_capture_on_commit_callbacks(execute=True):
        assert run_sweep(D(2026, 10, 15)).reminders == 0
        run_sweep(D(2026, 10, 27))  # overdue: the liaison, head and assignee are told once, by mail too
    assert len(mail.outbox) == Notification.objects.filter(key__contains="overdue").count() > 0


def test_mail_is_not_sent_for_a_write_that_rolled_back(cast, reply_clock, django_capture_on_commit_callbacks):
    from django.db import transaction

    from yifa.core.notify import notify

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        notify(users=[cast.people["minzheng_liaison"]], key="t", title="试发")
        raise RuntimeError("rolled back")
    assert mail.outbox == [] and not Notification.objects.filter(key="t").exists()


def test_reminder_is_sent_again_when_the_due_date_moves(cast, reply_clock):
    run_sweep(D(2026, 10, 14))
    clocks.add_pause(reply_clock, first=D(2026, 10, 13), last=D(2026, 10, 13))
    assert reply_clock.due == D(2026, 10, 16)
    assert run_sweep(D(2026, 10, 15)).reminders == 3


def test_overdue_is_marked_once_with_an_audit_event(cast, reply_clock):
    assert run_sweep(D(2026, 10, 15)).overdue_marked == 0
    first = run_sweep(D(2026, 10, 16))
    second = run_sweep(D(2026, 10, 17))
    assert (first.overdue_marked, second.overdue_marked) == (1, 0)
    reply_clock.refresh_from_db()
    assert reply_clock.overdue_marked
    events = Event.objects.filter(action="deadline.overdue")
    assert events.count() == 1
    assert events.get().unit == cast.units["民政局"] and events.get().actor_name == "系统"
    assert sent_to(cast.people["minzheng_head"])[-1] == "已逾期：被申请人提出书面答复"
    assert Notification.objects.filter(title__startswith="已逾期").count() == 3


def test_paused_and_closed_clocks_are_not_reminded_or_marked(cast, reply_clock):
    clocks.pause_clock(reply_clock, on=D(2026, 10, 12))
    assert run_sweep(D(2026, 10, 20)).overdue_marked == 0
    clocks.resume_clock(reply_clock, on=D(2026, 10, 20))
    clocks.stop_clock(reply_clock, on=D(2026, 10, 21))
    result = run_sweep(D(2026, 12, 1))
    assert (result.reminders, result.overdue_marked) == (0, 0)


def test_administrators_are_reminded_from_1_november_to_enter_next_year(cast):
    admin = cast.people["admin"]
    assert run_sweep(D(2026, 10, 31)).calendar_reminders == 0
    assert run_sweep(D(2026, 11, 1)).calendar_reminders == 1
    assert run_sweep(D(2026, 11, 2)).calendar_reminders == 0
    assert sent_to(admin) == ["请录入2027年放假安排"]
    assert sent_to(cast.people["minzheng_liaison"]) == []
    services.calendar_year_publish(by=admin, year=2027, source="国办发明电〔2026〕X号")
    assert run_sweep(D(2026, 12, 1)).calendar_reminders == 0


def test_sweep_command_reports_in_chinese_and_is_idempotent(cast, reply_clock):
    out = io.StringIO()
    call_command("sweep", "--today", "2026-10-16", stdout=out)
    call_command("sweep", "--today", "2026-10-16", stdout=out)
    lines = out.getvalue().splitlines()
    assert "新标记逾期1项" in lines[0]
    assert any(line.startswith("发送到期提醒0条，新标记逾期0项，日历提醒0条") for line in lines[1:])


def test_a_module_that_fails_is_rolled_back_and_the_modules_after_it_still_run(cast, reply_clock, monkeypatch):
    from django.core.management.base import CommandError

    from yifa.plans import tasks as plan_tasks

    def half_done_then_broken(today):
        Notification.objects.create(user=cast.people["fuyi"], key="half-written", title="不应留下")
        raise RuntimeError("计划模块出错")

    monkeypatch.setattr(plan_tasks, "daily", half_done_then_broken)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("sweep", today="2026-10-14", stdout=out, stderr=err)
    assert failed.value.returncode == 1
    assert "plans：计划模块出错" in err.getvalue()
    assert not Notification.objects.filter(key="half-written").exists()
    ran = [line.split("：")[0] for line in out.getvalue().splitlines()[1:]]
    assert "plans" not in ran
    assert {"normdocs", "decisions", "reconsideration"} <= set(ran)
    assert Notification.objects.filter(key__startswith=f"deadline:{reply_clock.pk}:").count() == 3


def test_a_clean_sweep_exits_zero(cast, reply_clock):
    out = io.StringIO()
    call_command("sweep", today="2026-10-14", stdout=out, stderr=io.StringIO())
    assert out.getvalue().startswith("发送到期提醒3条")
