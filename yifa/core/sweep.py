"""``yifa sweep``: reminders before due dates, overdue marks, calendar reminder.
Idempotent: every message has a key, so a second run sends nothing twice."""

from __future__ import annotations

import datetime as dt
import logging
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from .audit import record_event
from .calendar import current_calendar, next_year_missing, workdays_until
from .models import Deadline, DeadlineStatus, Role, User
from .notify import notify, unit_contacts
from .registry import contributions

logger = logging.getLogger("yifa.sweep")


@dataclass
class SweepResult:
    reminders: int = 0
    overdue_marked: int = 0
    calendar_reminders: int = 0

    def __str__(self):
        return f"发送到期提醒{self.reminders}条，新标记逾期{self.overdue_marked}项，日历提醒{self.calendar_reminders}条"


def recipients(deadline: Deadline, contacts_by_unit: dict | None = None):
    """The unit's liaison and head, and the assignee; ``contacts_by_unit`` saves a query per deadline."""
    if contacts_by_unit is None:
        contacts_by_unit = {}
    if deadline.unit_id not in contacts_by_unit:
        contacts_by_unit[deadline.unit_id] = list(unit_contacts(deadline.unit))
    people = list(contacts_by_unit[deadline.unit_id])
    if deadline.assignee_id and deadline.assignee not in people:
        people.append(deadline.assignee)
    return people


def last_day_within(today: dt.date, workdays: int, calendar) -> dt.date:
    """The last day with at most ``workdays`` working days after ``today`` up to it."""
    day, counted = today, 0
    while True:
        following = day + dt.timedelta(days=1)
        if calendar.is_workday(following):
            if counted == workdays:
                return day
            counted += 1
        day = following


def run_sweep(today: dt.date, hooks=()) -> SweepResult:
    result = SweepResult()
    contacts: dict = {}
    before = settings.REMIND_WORKDAYS_BEFORE
    running = Deadline.objects.filter(status=DeadlineStatus.RUNNING, due__isnull=False)
    calendar = current_calendar()
    horizon = last_day_within(today, before, calendar)  # only what is due within the reminder window
    left_until: dict[dt.date, int] = {}
    for deadline in running.filter(due__gte=today, due__lte=horizon).select_related("unit", "assignee"):
        if deadline.due not in left_until:
            left_until[deadline.due] = workdays_until(today, deadline.due, calendar)
        left = left_until[deadline.due]
        for mark in sorted({before, 1}):
            if left <= mark:
                result.reminders += notify(
                    users=recipients(deadline, contacts),
                    key=f"deadline:{deadline.pk}:{deadline.due}:{mark}",
                    title=f"{deadline.title}将于{deadline.due:%Y年%m月%d日}届满",
                    body=f"{deadline.subject_label}：{deadline.title}，还剩{left}个工作日。{deadline.explanation}",
                    link=deadline.link,
                )
                break
    for deadline in running.filter(due__lt=today, overdue_marked=False).select_related("unit"):
        with transaction.atomic():
            Deadline.objects.filter(pk=deadline.pk).update(overdue_marked=True)
            record_event(
                actor=None,
                subject=deadline,
                action="deadline.overdue",
                action_label="标记逾期",
                unit=deadline.unit,
                data={"due": deadline.due, "rule": deadline.rule_id},
            )
        result.overdue_marked += 1
        notify(
            users=recipients(deadline, contacts),
            key=f"overdue:{deadline.pk}:{deadline.due}",
            title=f"已逾期：{deadline.title}",
            body=f"{deadline.subject_label}的{deadline.title}已于{deadline.due:%Y年%m月%d日}届满。",
            link=deadline.link,
        )
    if next_year_missing(today):
        admins = User.objects.filter(is_active=True, role_grants__role=Role.ADMIN).distinct()
        result.calendar_reminders += notify(
            users=admins,
            key=f"calendar:{today.year + 1}",
            title=f"请录入{today.year + 1}年放假安排",
            body="国务院办公厅公布下一年度节假日安排后，请在“工作日历”中录入，否则期限按周末计算。",
            link="/staff/calendar/",
        )
    for hook in hooks:
        hook(today, result)
    return result


@dataclass
class Failure:
    where: str
    record: str
    error: str

    def __str__(self):
        return f"{self.where}：{self.record}：{self.error}" if self.record else f"{self.where}：{self.error}"


_failures: ContextVar[list[Failure] | None] = ContextVar("sweep_failures", default=None)


def _note_failure(where: str, record, exc: Exception) -> None:
    label = f"{record._meta.verbose_name}#{record.pk}（{record}）" if hasattr(record, "_meta") else str(record or "")
    logger.error("每日任务失败：%s %s", where, label, exc_info=exc)
    collected = _failures.get()
    if collected is not None:
        collected.append(Failure(where, label, str(exc)))


def each_record(records, act, *, where: str) -> int:
    """Run ``act(record)`` for each record in its own savepoint; a record that fails is logged and counted
    as a failure of the sweep, and the others still run. Returns how many succeeded."""
    done = 0
    for record in records:
        try:
            with transaction.atomic():
                act(record)
        except Exception as exc:  # noqa: BLE001 — one bad record must not stop the daily run
            _note_failure(where, record, exc)
            continue
        done += 1
    return done


def run_daily(today: dt.date, report=lambda line: None) -> list[Failure]:
    """The core sweep, then every module's ``tasks.daily(today)``, each in its own transaction: a module that
    fails is rolled back and logged, the others still run. Returns the failures (records and modules)."""
    failures: list[Failure] = []
    token = _failures.set(failures)
    try:
        steps = [("core", run_sweep)] + [
            (name, module.daily) for name, module in contributions("tasks") if hasattr(module, "daily")
        ]
        for name, step in steps:
            try:
                with transaction.atomic():
                    outcome = step(today)
            except Exception as exc:  # noqa: BLE001 — see each_record
                _note_failure(name, None, exc)
                continue
            report(str(outcome) if name == "core" else f"{name}：{outcome}")
    finally:
        _failures.reset(token)
    return failures
