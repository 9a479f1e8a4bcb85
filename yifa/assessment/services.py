"""Writes through the kit: facts recorded when another module acts, the leaders' reports."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.errors import InvalidInput
from yifa.core.procedure import Checks, add, change, create
from yifa.core.procedure.forms import MAX_TEXT

from .drafting import DRAFTERS
from .flows import OBJECTIONS, REPORTS
from .models import Fact, LeaderReport, Objection, ReportKind


def fact_record(*, by, indicator: str, unit, source: str, label: str, link: str, good: bool, on: dt.date, detail: str):
    """One fact per record and indicator: a later act on the same record replaces it."""
    values = {
        "unit": unit,
        "year": on.year,
        "label": label[:200],
        "link": link,
        "good": good,
        "on": on,
        "detail": detail[:300],
    }
    current = Fact.objects.filter(indicator=indicator, source=source).first()
    if current is None:
        return add(
            Fact(indicator=indicator, source=source, **values),
            by=by,
            who=None,
            action="assessment.fact",
            label="记录考核事实",
            unit=unit,
            data={"indicator": indicator, "source": source, "good": good},
        )
    return change(current, by=by, who=None, action="assessment.fact", label="更新考核事实", apply=values, unit=unit)


def report_draft(*, by, unit, year: int, kind: str, on: dt.date | None = None):
    """yifa drafts the report from the unit's data; a report already drafted is returned as it is."""
    if kind not in ReportKind.values:
        raise InvalidInput({"kind": "报告类型：须为" + "、".join(ReportKind.labels) + "之一"})
    if kind == ReportKind.RULE_OF_LAW:  # one report, one place: plans pre-fills it from here (hooks.py)
        where = "法治政府建设年度报告请在“年度计划与报告”中起草，正文留空即按平台数据预填"
        raise InvalidInput({"kind": f"报告类型：{where}"})
    if unit is None:
        raise InvalidInput({"unit": "单位：起草人须属于某一单位"})
    existing = LeaderReport.objects.filter(unit=unit, year=year, kind=kind).first()
    if existing is not None:
        return existing
    on = on or timezone.localdate()
    as_of = min(on, dt.date(year, 12, 31))
    title, body = DRAFTERS[ReportKind(kind)](unit, year, as_of)
    return create(
        REPORTS,
        "draft",
        build=lambda: LeaderReport(unit=unit, year=year, kind=kind, title=title, body=body),
        by=by,
        on=on,
    )


def objection_file(*, by, unit, year: int, code: str, reason: str, files=(), on: dt.date | None = None) -> Objection:
    """The unit objects to one indicator's provisional score; its evidence files are kept with it."""
    from .queries import unit_score

    if unit is None:
        raise InvalidInput({"unit": "单位：提出人须属于某一单位"})
    checks = Checks()
    reason = checks.text("reason", "异议理由和证据说明", reason, limit=MAX_TEXT)
    checks.done()
    on = on or timezone.localdate()
    score = unit_score(unit, year=year, as_of=min(on, dt.date(year, 12, 31)))
    line = next((line for line in score.lines if line.indicator.code == code), None)
    if line is None:
        raise InvalidInput({"code": f"指标：{year}年度考核没有该指标"})
    row = Objection(
        unit=unit, year=year, code=code, indicator_name=line.indicator.name, points_then=line.points, reason=reason
    )
    return create(OBJECTIONS, "file", build=lambda: row, by=by, on=on, files=files)
