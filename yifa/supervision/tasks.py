"""Daily (``yifa sweep``): the warning rules over the enforcement data. Each finding raises a warning once
(to the unit and the legal office); a warning the data no longer shows is cleared."""

from __future__ import annotations

import datetime as dt

from yifa.core.calendar import current_calendar
from yifa.enforcement import interface as enforcement

from . import rules, services
from .models import Alert, WarningKind, WarningState


def _horizon(today: dt.date, workdays: int) -> dt.date:
    calendar, day, counted = current_calendar(), today, 0
    while counted < workdays:
        day += dt.timedelta(days=1)
        counted += calendar.is_workday(day)
    return day


def findings(today: dt.date):
    """(kind, key, unit id, title, detail, link) for every warning the data shows today."""
    for row in enforcement.lapsed_certificates_on_open_cases(today):
        yield (
            WarningKind.CERTIFICATE,
            f"certificate:{row['case_id']}:{row['certificate']}",
            row["unit_id"],
            f"{row['case_number']}：执法人员{row['officer']}的执法证{row['status']}仍在办案",
            f"执法证{row['certificate']}有效期至{row['valid_until']:%Y-%m-%d}，当前{row['status']}。"
            f"依据{rules.CERTIFIED_OFFICERS.citation}，须调整承办执法人员。",
            enforcement.case_link(row["case_id"]),
        )
    for clock in enforcement.cases_near_or_past_limit(today, _horizon(today, rules.LIMIT_WARNING_WORKDAYS)):
        past = clock.due < today
        yield (
            WarningKind.LIMIT_PAST if past else WarningKind.LIMIT_NEAR,
            f"limit:{'past' if past else 'near'}:{clock.subject_id}",
            clock.unit_id,
            f"{clock.subject_label}：办案期限{'已于' if past else '将于'}{clock.due:%Y-%m-%d}届满",
            f"{clock.explanation}（{rules.LIMIT_WARNING.citation}）",
            clock.link,
        )
    for row in enforcement.outside_benchmark_without_reason():
        yield (
            WarningKind.OUTSIDE_BENCHMARK,
            f"outside:{row['id']}",
            row["unit_id"],
            f"{row['number']}：罚款超出裁量基准幅度且未说明理由",
            "偏离裁量基准须书面说明理由（行政处罚法第三十四条）。",
            enforcement.case_link(row["id"]),
        )


def daily(today: dt.date) -> str:
    raised = 0
    seen = set()
    for kind, key, unit_id, title, detail, link in findings(today):
        seen.add(key)
        if services.alert_seen(kind=kind, key=key, unit_id=unit_id, title=title, detail=detail, link=link, on=today):
            raised += 1
    cleared = 0
    for alert in Alert.objects.filter(state=WarningState.OPEN).order_by("id"):
        if alert.key not in seen:
            services.alert_clear(alert, on=today)
            cleared += 1
    return f"新发执法预警{raised}条，消除{cleared}条"
