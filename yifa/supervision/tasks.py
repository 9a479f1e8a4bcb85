"""Daily (``yifa sweep``): the warning rules over the enforcement data. Each finding raises a warning once
(to the unit and the legal office); a warning the data no longer shows is cleared."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count, Q

from yifa.core.calendar import current_calendar
from yifa.core.models import Deadline, DeadlineStatus
from yifa.enforcement import interface as enforcement
from yifa.lib.law import get_rule

from . import rules, services
from .models import Alert, CorrectionFact, WarningKind, WarningState

DISCLOSURE_REPLY = "disclosure.reply"  # the disclosure module's reply period (registered rule id)


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
    yield from _high_correction_rates(today)
    yield from _late_disclosure_replies(today)


def correction_rates(today: dt.date) -> list[dict]:
    """Per unit, reconsideration decisions on its acts in the last twelve months and how many corrected them
    (one grouped query): [{"unit_id", "closed", "corrected"}]."""
    since = rules.months_after(today, -rules.CORRECTION_RATE_MONTHS)
    rows = (
        CorrectionFact.objects.filter(decided_on__gt=since, decided_on__lte=today)
        .values("unit_id")
        .annotate(closed=Count("id"), corrected=Count("id", filter=Q(corrected=True)))
        .order_by("unit_id")
    )
    return list(rows)


def _high_correction_rates(today: dt.date):
    percent, least = settings.CORRECTION_RATE_WARNING_PERCENT, settings.CORRECTION_RATE_WARNING_MIN_CASES
    for row in correction_rates(today):
        if row["closed"] < least or 100 * row["corrected"] <= percent * row["closed"]:
            continue
        rate = round(100 * row["corrected"] / row["closed"], 1)
        yield (
            WarningKind.CORRECTION_RATE,
            f"correction_rate:{row['unit_id']}",
            row["unit_id"],
            f"近12个月行政复议纠错率{rate}%（审结{row['closed']}件，纠错{row['corrected']}件），超过{percent}%",
            f"{rules.CORRECTION_RATE_WARNING.citation}：行政执法行为违法或者不当等比例较高的，可以约请相关负责人谈话。",
            "",
        )


def _late_disclosure_replies(today: dt.date):
    reply = get_rule(DISCLOSURE_REPLY)
    late = Deadline.objects.filter(rule_id=reply.id, status=DeadlineStatus.RUNNING, due__lt=today).order_by("due", "id")
    for clock in late.only("id", "unit_id", "subject_label", "due", "explanation", "link")[:500]:
        yield (
            WarningKind.DISCLOSURE_LATE,
            f"disclosure_late:{clock.pk}",
            clock.unit_id,
            f"{clock.subject_label}：政府信息公开答复期限已于{clock.due:%Y-%m-%d}届满，仍未答复",
            f"{clock.explanation}（{reply.citation}）",
            clock.link,
        )


KEYS_PER_QUERY = 2000


def daily(today: dt.date) -> str:
    """Only what changed is written: the warnings already open are read with one query per 2,000 findings,
    so a run that finds nothing new costs a few queries."""
    found = list(findings(today))
    keys = [key for _, key, *_ in found]
    state_of: dict[str, str] = {}
    for first in range(0, len(keys), KEYS_PER_QUERY):
        state_of.update(Alert.objects.filter(key__in=keys[first : first + KEYS_PER_QUERY]).values_list("key", "state"))
    raised = 0
    for kind, key, unit_id, title, detail, link in found:
        if state_of.get(key) == WarningState.OPEN:
            continue
        if services.alert_seen(kind=kind, key=key, unit_id=unit_id, title=title, detail=detail, link=link, on=today):
            raised += 1
            state_of[key] = WarningState.OPEN
    seen = set(keys)
    gone = [pk for pk, key in Alert.objects.filter(state=WarningState.OPEN).values_list("pk", "key") if key not in seen]
    cleared = 0
    for alert in Alert.objects.filter(pk__in=gone).order_by("id") if gone else ():
        services.alert_clear(alert, on=today)
        cleared += 1
    return f"新发执法预警{raised}条，消除{cleared}条"
