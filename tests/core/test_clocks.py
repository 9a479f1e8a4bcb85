"""Statutory clocks stored on records: pause, resume, extend, restart, stop, and calendar edits."""

import datetime as dt

import pytest
from django.db import transaction

from yifa.core import clocks, services
from yifa.core.calendar import _cache, current_calendar
from yifa.core.errors import YifaError
from yifa.core.models import CalendarDay, Deadline, DeadlineStatus

pytestmark = pytest.mark.django_db
D = dt.date


def start(cast, rule, on):
    return clocks.start_clock(subject=cast.units["民政局"], rule=rule, start=on, unit=cast.units["民政局"])


def test_started_clock_stores_its_due_date_and_explains_it(cast, twenty_workdays):
    deadline = start(cast, twenty_workdays, D(2025, 9, 26))
    deadline.refresh_from_db()
    assert deadline.due == D(2025, 10, 30)
    assert "跳过国庆节、中秋节假期（10月1日至8日）" in deadline.explanation
    assert deadline.explanation.endswith("依据《中华人民共和国行政复议法》（2023年）第八十八条")
    assert clocks.open_clock(cast.units["民政局"], twenty_workdays) == deadline


def test_paused_clock_has_no_due_date_and_resuming_adds_the_paused_days(cast, twenty_workdays):
    deadline = start(cast, twenty_workdays, D(2025, 9, 26))
    clocks.pause_clock(deadline, on=D(2025, 10, 13))
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.PAUSED and deadline.due is None
    assert "中止计时" in deadline.explanation
    # paused 10-13 … 10-19: five working days do not count → 10-30 becomes 11-06
    clocks.resume_clock(deadline, on=D(2025, 10, 20))
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.RUNNING
    assert deadline.due == D(2025, 11, 6)
    assert "扣除中止期间10月13日至19日共7日" in deadline.explanation


def test_resume_before_pause_and_double_pause_are_refused(cast, twenty_workdays):
    deadline = start(cast, twenty_workdays, D(2025, 9, 26))
    clocks.pause_clock(deadline, on=D(2025, 10, 13))
    with pytest.raises(YifaError, match="恢复日期不能早于中止日期"):
        clocks.resume_clock(deadline, on=D(2025, 10, 10))
    with pytest.raises(YifaError, match="未在计时，不能中止"):
        clocks.pause_clock(deadline, on=D(2025, 10, 14))


def test_added_pause_interval_moves_the_due_date(cast, reply_rule):
    # 10 working days from 2026-02-12: 2-13(1) 2-14 make-up(2) 2-24..27(3-6) 2-28 make-up(7) 3-2..4(8-10)
    deadline = start(cast, reply_rule, D(2026, 2, 12))
    assert deadline.due == D(2026, 3, 4)
    clocks.add_pause(deadline, first=D(2026, 3, 2), last=D(2026, 3, 3))
    assert deadline.due == D(2026, 3, 6)
    with pytest.raises(YifaError, match="结束日2026-03-01早于开始日2026-03-05"):
        clocks.add_pause(deadline, first=D(2026, 3, 5), last=D(2026, 3, 1))


def test_decision_period_extends_once_within_the_statutory_cap(cast, decision_rule):
    # 2025-08-02 + 60 = 10-01 国庆 → 10-09; +30 → 10-31
    deadline = start(cast, decision_rule, D(2025, 8, 2))
    assert deadline.due == D(2025, 10, 9)
    with pytest.raises(YifaError, match="延长天数须为1至30日"):
        clocks.extend_clock(deadline, days=31)
    clocks.extend_clock(deadline, days=30)
    assert deadline.due == D(2025, 10, 31)
    with pytest.raises(YifaError, match="只能延长1次"):
        clocks.extend_clock(deadline, days=1)
    clocks.stop_clock(deadline, on=D(2025, 10, 20))
    with pytest.raises(YifaError, match="期限已结束"):
        clocks.extend_clock(deadline, days=1, max_times=2)
    deadline.refresh_from_db()
    assert (deadline.extension_days, deadline.extensions_used) == (30, 1)


def test_repeated_extensions_never_pass_the_cap_together(cast, decision_rule):
    deadline = start(cast, decision_rule, D(2025, 8, 2))
    clocks.extend_clock(deadline, days=20, max_times=2)
    with pytest.raises(YifaError, match="延长天数须为1至10日.*已延长20日"):
        clocks.extend_clock(deadline, days=15, max_times=2)
    clocks.extend_clock(deadline, days=10, max_times=2)
    assert deadline.extension_days == 30


def test_a_period_without_extension_cannot_be_extended(cast, reply_rule):
    deadline = start(cast, reply_rule, D(2026, 2, 12))
    with pytest.raises(YifaError, match="未规定可以延长"):
        clocks.extend_clock(deadline, days=1)


def test_restart_runs_the_period_anew_and_forgets_old_pauses(cast, reply_rule):
    deadline = start(cast, reply_rule, D(2025, 9, 1))
    clocks.add_pause(deadline, first=D(2025, 9, 3), last=D(2025, 9, 5))
    # anew from 2025-09-26: 9-28(1) 9-29(2) 9-30(3) 10-9(4) 10-10(5) 10-11(6) 10-13..16(7-10)
    clocks.restart_clock(deadline, on=D(2025, 9, 26))
    deadline.refresh_from_db()
    assert deadline.due == D(2025, 10, 16) and deadline.pauses == []
    assert "原自2025年9月1日起算，于2025年9月26日重新起算" in deadline.explanation
    with pytest.raises(YifaError, match="不能早于原起算日"):
        clocks.restart_clock(deadline, on=D(2025, 8, 1))


def test_stopping_on_or_before_the_due_date_is_met_after_it_late(cast, reply_rule):
    on_time = start(cast, reply_rule, D(2026, 2, 12))
    late = start(cast, reply_rule, D(2026, 2, 12))
    cancelled = start(cast, reply_rule, D(2026, 2, 12))
    clocks.stop_clock(on_time, on=D(2026, 3, 4))
    clocks.stop_clock(late, on=D(2026, 3, 5))
    clocks.stop_clock(cancelled, on=D(2026, 3, 5), cancelled=True)
    assert [Deadline.objects.get(pk=d.pk).status for d in (on_time, late, cancelled)] == [
        DeadlineStatus.MET,
        DeadlineStatus.LATE,
        DeadlineStatus.CANCELLED,
    ]
    assert clocks.stop_clock(on_time, on=D(2026, 4, 1)).status == DeadlineStatus.MET
    assert not clocks.clocks_of(cast.units["民政局"]).exists()


def test_due_date_moves_when_an_administrator_enters_a_holiday(cast, reply_rule):
    # 2027 has no schedule yet and March has no statutory day off: 10 working days from Fri 2027-03-05
    # are 3-8…12 and 3-15…19 → Fri 2027-03-19
    deadline = start(cast, reply_rule, D(2027, 3, 5))
    assert deadline.due == D(2027, 3, 19)
    assert "2027年放假安排尚未录入" in deadline.explanation
    for day in (D(2027, 3, 15), D(2027, 3, 16)):
        services.calendar_day_set(by=cast.people["admin"], date=day, kind="holiday", name="调整假日")
    deadline.refresh_from_db()
    assert deadline.due == D(2027, 3, 23)
    assert "跳过调整假日假期（3月15日至16日）" in deadline.explanation
    services.calendar_day_set(by=cast.people["admin"], date=D(2027, 3, 13), kind="makeup", name="调整假日")
    deadline.refresh_from_db()
    assert deadline.due == D(2027, 3, 22)
    assert (
        "2027年放假安排尚未确认录入完毕，暂按已录入的日子、周末和《全国年节及纪念日放假办法》" in deadline.explanation
    )
    services.calendar_year_publish(by=cast.people["admin"], year=2027, source="国办发明电〔2026〕X号")
    deadline.refresh_from_db()
    assert "尚未录入" not in deadline.explanation


def test_removing_a_holiday_moves_the_due_date_back(cast, reply_rule):
    services.calendar_day_set(by=cast.people["admin"], date=D(2027, 3, 15), kind="holiday", name="调整假日")
    deadline = start(cast, reply_rule, D(2027, 3, 5))
    assert deadline.due == D(2027, 3, 22)
    services.calendar_day_remove(by=cast.people["admin"], date=D(2027, 3, 15))
    deadline.refresh_from_db()
    assert deadline.due == D(2027, 3, 19)


def test_closed_clocks_keep_their_due_date_when_the_calendar_changes(cast, reply_rule):
    deadline = start(cast, reply_rule, D(2027, 3, 5))
    clocks.stop_clock(deadline, on=D(2027, 3, 8))
    services.calendar_day_set(by=cast.people["admin"], date=D(2027, 3, 15), kind="holiday", name="调整假日")
    deadline.refresh_from_db()
    assert deadline.due == D(2027, 3, 19)


def test_calendar_changed_by_another_process_is_seen_at_once(cast):
    current_calendar()
    assert "cal" in _cache
    # bulk_create sends no signal: as if another worker had written the row
    CalendarDay.objects.bulk_create([CalendarDay(date=D(2027, 3, 3), kind="holiday", name="测试")])
    assert not current_calendar().is_workday(D(2027, 3, 3))
    with transaction.atomic():
        CalendarDay.objects.filter(date=D(2027, 3, 3)).delete()
    assert current_calendar().is_workday(D(2027, 3, 3))


def test_a_finished_clock_cannot_be_restarted(cast, reply_rule):
    deadline = start(cast, reply_rule, D(2025, 9, 26))
    clocks.stop_clock(deadline, on=D(2025, 10, 9))
    with pytest.raises(YifaError, match="不能重新起算"):
        clocks.restart_clock(deadline, on=D(2025, 10, 10))
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.MET and deadline.restart is None
