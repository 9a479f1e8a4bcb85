"""``yifa sweep``: reminders for annual plans and reports coming due, and notices once they are late.
Idempotent: each message has a key per unit, report kind, year and due date."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse

from yifa.core.calendar import workdays_until
from yifa.core.notify import Message, contacts_by_unit, send

from .models import AnnualReport, ReportKind
from .queries import due_for, reporting_units

LOOK_BACK_YEARS = 1


def daily(today: dt.date) -> str:
    before = settings.REMIND_WORKDAYS_BEFORE
    units = list(reporting_units())
    contacts = None  # read once, for all units, when some report is due
    late, coming = [], []
    for year in range(today.year - LOOK_BACK_YEARS, today.year + 1):
        for kind in ReportKind:
            due = due_for(year, kind)
            if today < due - dt.timedelta(days=before * 3 + 15):
                continue
            if today <= due and workdays_until(today, due) > before:
                continue
            submitted = set(
                AnnualReport.objects.filter(year=year, kind=kind, first_submitted_on__isnull=False).values_list(
                    "unit_id", flat=True
                )
            )
            if contacts is None:
                contacts = contacts_by_unit(unit.pk for unit in units)
            label = f"{year}年{kind.label}"
            for unit in units:
                if unit.pk in submitted:
                    continue
                people = contacts.get(unit.pk, [])
                if today > due:
                    late.append(
                        Message(
                            people,
                            key=f"plans-late:{unit.pk}:{kind}:{year}:{due}",
                            title=f"逾期未报：{label}",
                            body=f"{label}应于{due:%Y年%m月%d日}前报送（{kind.rule.citation}），至今未报。",
                            link=reverse("plans:reports"),
                        )
                    )
                else:
                    coming.append(
                        Message(
                            people,
                            key=f"plans-due:{unit.pk}:{kind}:{year}:{due}",
                            title=f"{label}将于{due:%Y年%m月%d日}到期",
                            body=f"请按时起草、经单位负责人审核后报送（{kind.rule.citation}）。",
                            link=reverse("plans:reports"),
                        )
                    )
    sent = [note.key for note in send(coming + late)]  # one look-up for both kinds
    late_sent = sum(key.startswith("plans-late:") for key in sent)
    reminders = len(sent) - late_sent
    return f"年度计划与报告：到期提醒{reminders}条，逾期通知{late_sent}条"
