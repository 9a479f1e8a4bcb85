"""``yifa sweep``: reminders before due dates, overdue marks, calendar reminder.
Idempotent: every message has a key, so a second run sends nothing twice."""

from __future__ import annotations

import datetime as dt
import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q

from .audit import record_event
from .calendar import current_calendar, next_year_missing, workdays_until
from .models import Deadline, DeadlineStatus, Role, User
from .notify import Message, contacts_by_unit, notify, notify_many, unit_contacts
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


REMINDER_FIELDS = ("id", "unit_id", "assignee_id", "due", "title", "subject_label", "explanation", "link")
MARK_BATCH = 2000  # ids per UPDATE and per audit event's list


def _chunks(items: list, size: int = MARK_BATCH):
    for first in range(0, len(items), size):
        yield items[first : first + size]


def run_sweep(today: dt.date, hooks=()) -> SweepResult:
    """Reminders and overdue marks in a few queries whatever the number of open clocks: each clock keeps the
    due date and the smallest mark it was reminded at (``reminded_due``, ``reminded_mark``) and whether it
    was marked overdue, so a run reads only what became due since the last one."""
    result = SweepResult()
    before = settings.REMIND_WORKDAYS_BEFORE
    marks = sorted({before, 1})
    running = Deadline.objects.filter(status=DeadlineStatus.RUNNING, due__isnull=False)
    calendar = current_calendar()
    # the last due date reached by each mark: a clock due by ``within[mark]`` has at most ``mark`` working days
    within = {mark: last_day_within(today, mark, calendar) for mark in marks}
    due_now = Q()  # not yet reminded at the mark its due date has reached (a moved due date starts afresh)
    for smaller, mark in zip([0, *marks], marks):
        reached = Q(due__lte=within[mark]) if smaller == 0 else Q(due__gt=within[smaller], due__lte=within[mark])
        due_now |= reached & (Q(reminded_mark__isnull=True) | Q(reminded_mark__gt=mark) | ~Q(reminded_due=F("due")))
    to_remind = list(
        running.filter(due__gte=today, due__lte=within[marks[-1]])
        .filter(due_now)
        .select_related("assignee")
        .only(*REMINDER_FIELDS, "assignee__email", "assignee__unit_id")
        .order_by("due", "id")
    )
    overdue = list(
        # ``__in``: SQLite is sent "NOT overdue_marked" for ``=False``, which no index serves
        running.filter(due__lt=today, overdue_marked__in=[False])
        .select_related("assignee", "unit")
        .only(*REMINDER_FIELDS, "rule_id", "assignee__email", "assignee__unit_id", "unit__name")
        .order_by("unit_id", "id")
    )
    contacts = contacts_by_unit({d.unit_id for d in to_remind + overdue})
    messages, reminded = [], {}
    left_until: dict[dt.date, int] = {}
    for deadline in to_remind:
        if deadline.due not in left_until:
            left_until[deadline.due] = workdays_until(today, deadline.due, calendar)
        left = left_until[deadline.due]
        mark = next(m for m in marks if left <= m)
        reminded.setdefault(mark, []).append(deadline.pk)
        messages.append(
            Message(
                recipients(deadline, contacts),
                key=f"deadline:{deadline.pk}:{deadline.due}:{mark}",
                title=f"{deadline.title}将于{deadline.due:%Y年%m月%d日}届满",
                body=f"{deadline.subject_label}：{deadline.title}，还剩{left}个工作日。{deadline.explanation}",
                link=deadline.link,
            )
        )
    result.reminders += notify_many(messages)
    for mark, ids in reminded.items():
        for chunk in _chunks(ids):
            Deadline.objects.filter(pk__in=chunk).update(reminded_due=F("due"), reminded_mark=mark)
    result.overdue_marked += _mark_overdue(overdue)
    notify_many(
        Message(
            recipients(deadline, contacts),
            key=f"overdue:{deadline.pk}:{deadline.due}",
            title=f"已逾期：{deadline.title}",
            body=f"{deadline.subject_label}的{deadline.title}已于{deadline.due:%Y年%m月%d日}届满。",
            link=deadline.link,
        )
        for deadline in overdue
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


def _mark_overdue(overdue: list[Deadline]) -> int:
    """Mark the clocks overdue: one UPDATE and one audit event per unit (and per ``MARK_BATCH`` clocks), the
    event listing the clocks' ids and due dates, so the audit log shows every mark without an event each."""
    by_unit: dict[int, list[Deadline]] = {}
    for deadline in overdue:
        by_unit.setdefault(deadline.unit_id, []).append(deadline)
    with transaction.atomic():
        for clocks in by_unit.values():
            for chunk in _chunks(clocks):
                ids = [d.pk for d in chunk]
                Deadline.objects.filter(pk__in=ids).update(overdue_marked=True)
                unit = chunk[0].unit
                record_event(
                    actor=None,
                    action="deadline.overdue",
                    action_label="标记逾期",
                    unit=unit,
                    subject_label=f"{unit.name}的{len(ids)}项期限",
                    data={
                        "count": len(ids),
                        "ids": ids,
                        "due": {str(d.pk): d.due for d in chunk},
                        "rules": sorted({d.rule_id for d in chunk}),
                    },
                )
    return len(overdue)


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
            began = time.monotonic()
            try:
                with transaction.atomic():
                    outcome = step(today)
            except Exception as exc:  # noqa: BLE001 — see each_record
                _note_failure(name, None, exc)
                continue
            took = f"（用时{time.monotonic() - began:.2f}秒）"  # which job a slow run spends its time in
            report(f"{outcome}{took}" if name == "core" else f"{name}：{outcome}{took}")
    finally:
        _failures.reset(token)
    return failures
