"""``yifa sweep``: reminders for annual plans and reports coming due, and notices once they are late.
Idempotent: each message has a key per unit, report kind, year and due date."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse

from yifa.core.calendar import workdays_until
from yifa.core.notify import notify, unit_contacts

from .models import AnnualReport, ReportKind
from .queries import due_for, reporting_units

LOOK_BACK_YEARS = 1


def daily(today: dt.date) -> str:
    reminders = late = 0
    before = settings.REMIND_WORKDAYS_BEFORE
    units = list(reporting_units())
    for year in range(today.year - LOOK_BACK_YEARS, today.year + 1):
        for kind in ReportKind:
            due = due_for(year, kind)
            if today < due - dt.timedelta(days=before * 3 + 15):
                continue
            submitted = set(
                AnnualReport.objects.filter(year=year, kind=kind, first_submitted_on__isnull=False).values_list(
                    "unit_id", flat=True
                )
            )
            label = f"{year}年{kind.label}"
            for unit in units:
                if unit.pk in submitted:
                    continue
                if today > due:
                    late += notify(
                        users=unit_contacts(unit),
                        key=f"plans-late:{unit.pk}:{kind}:{year}:{due}",
                        title=f"逾期未报：{label}",
                        body=f"{label}应于{due:%Y年%m月%d日}前报送（{kind.rule.citation}），至今未报。",
                        link=reverse("plans:reports"),
                    )
                elif workdays_until(today, due) <= before:
                    reminders += notify(
                        users=unit_contacts(unit),
                        key=f"plans-due:{unit.pk}:{kind}:{year}:{due}",
                        title=f"{label}将于{due:%Y年%m月%d日}到期",
                        body=f"请按时起草、经单位负责人审核后报送（{kind.rule.citation}）。",
                        link=reverse("plans:reports"),
                    )
    return f"年度计划与报告：到期提醒{reminders}条，逾期通知{late}条"
