"""``yifa sweep``: reminders before due dates, overdue marks, calendar reminder.
Idempotent: every message has a key, so a second run sends nothing twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from .audit import record_event
from .calendar import current_calendar, next_year_missing, workdays_until
from .models import Deadline, DeadlineStatus, Role, User
from .notify import notify, unit_contacts


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


def run_sweep(today: dt.date, hooks=()) -> SweepResult:
    result = SweepResult()
    contacts: dict = {}
    before = settings.REMIND_WORKDAYS_BEFORE
    running = Deadline.objects.filter(status=DeadlineStatus.RUNNING, due__isnull=False)
    horizon = today + dt.timedelta(days=before * 3 + 15)
    calendar = current_calendar()
    for deadline in running.filter(due__gte=today, due__lte=horizon).select_related("unit", "assignee"):
        left = workdays_until(today, deadline.due, calendar)
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
