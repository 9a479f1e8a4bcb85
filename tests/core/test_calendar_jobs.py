"""A calendar edit returns at once; the task worker recomputes the clocks it moves, and the page shows it."""

import datetime as dt

import pytest
from django_tasks_db.models import DBTaskResult

from yifa.core import clocks
from yifa.core.clocks import recompute_open_clocks
from yifa.core.jobs import recompute_clocks
from yifa.core.models import CalendarDay, Deadline, Event, RecomputeJob

pytestmark = pytest.mark.django_db
D = dt.date
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_page_returns_before_the_worker_moves_the_due_date(cast, reply_rule, login, settings):
    settings.TASKS = DATABASE_QUEUE
    unit = cast.units["民政局"]
    # 2027 not yet entered; 10 working days from Fri 2027-03-05 → 3-19; with 3-15 off → 3-22
    clock = clocks.start_clock(subject=unit, rule=reply_rule, start=D(2027, 3, 5), unit=unit)
    admin = login(cast.people["admin"])
    response = admin.post(
        "/staff/calendar/", {"year": 2027, "date": "2027-03-15", "kind": "holiday", "name": "调整假日"}, follow=True
    )
    assert "受影响的未结期限正在后台重新计算" in response.text
    assert "排队中" in response.text and 'hx-trigger="every 2s"' in response.text
    clock.refresh_from_db()
    assert clock.due == D(2027, 3, 19)  # not yet: the request only queued the job
    job = RecomputeJob.objects.get()
    assert Event.objects.get(action="calendar.set").data["recompute_job"] == job.pk

    # What `yifa db_worker` does with the queued row (the command itself closes the test's connection).
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "yifa.core.jobs.recompute_clocks" and queued.status == "READY"
    recompute_clocks.call(*queued.args_kwargs["args"])

    clock.refresh_from_db()
    assert clock.due == D(2027, 3, 22)
    job.refresh_from_db()
    assert (job.status, job.done, job.changed) == ("done", job.total, 1)
    polled = admin.get("/staff/calendar/jobs/")
    assert "已完成" in polled.text and "hx-trigger" not in polled.text


def test_recompute_computes_shared_inputs_once_and_writes_only_moved_clocks(
    cast, reply_rule, django_assert_max_num_queries
):
    unit = cast.units["民政局"]
    started = [clocks.start_clock(subject=unit, rule=reply_rule, start=D(2027, 3, 5), unit=unit) for _ in range(30)]
    late = clocks.start_clock(subject=unit, rule=reply_rule, start=D(2027, 4, 1), unit=unit)

    CalendarDay.objects.create(date=D(2027, 3, 15), kind="holiday", name="调整假日")
    seen = []
    with django_assert_max_num_queries(12):
        changed = recompute_open_clocks(lambda done, total: seen.append((done, total)), day=D(2027, 3, 15))
    assert changed == 30 and seen[-1] == (30, 30)
    assert set(Deadline.objects.filter(pk__in=[c.pk for c in started]).values_list("due", flat=True)) == {
        D(2027, 3, 22)
    }
    late.refresh_from_db()
    assert late.due == D(2027, 4, 16)  # untouched: 4-2 (1), 清明 Mon 4-5 off, 4-6…9 (5), 4-12…16 (10)
