"""The legal office edits the indicator system (levels, points, counted or not, manual indicators),
scores the manual ones and confirms the year's ranking, through the kit's ``add``/``change``: permission,
version and one audit event each."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

from django.utils import timezone

from yifa.core.errors import NotFound
from yifa.core.procedure import LEGAL_OFFICE, Checks, add, change

from . import rules, system
from .models import IndicatorSetting, ManualScore, Objection, ObjectionState, RankingConfirmation

MAX_POINTS = Decimal(100)


def _points(checks: Checks, field: str, label: str, value, limit: Decimal) -> None:
    if value is None:
        checks.fail(field, f"{label}：必须填写")
    elif not Decimal(0) <= Decimal(value) <= limit:
        checks.fail(field, f"{label}：须在0至{limit}分之间")


def _year(checks: Checks, year) -> None:
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        checks.fail("year", "年度：须为2000至2100之间的年份")


def indicator_set(
    *, by, year: int, code: str, level: str, points, enabled: bool = True, version: int | None = None
) -> IndicatorSetting:
    """An indicator's level and points from ``year`` on; a change to that year's row names the version read."""
    indicator = system.find(year, code)
    if indicator is None:
        raise NotFound("没有该考核指标")
    checks = Checks()
    _year(checks, year)
    level = checks.text("level", "一级指标", level, limit=40)
    _points(checks, "points", "分值", points, MAX_POINTS)
    checks.done()
    values = {"level": level, "points": points, "enabled": enabled}
    act = {"by": by, "who": LEGAL_OFFICE, "action": "assessment.indicator", "label": "设置考核指标"}
    current = IndicatorSetting.objects.filter(year=year, code=code).first()
    if current is not None:
        return change(current, apply=values, expected_version=version, data={"year": year, "code": code}, **act)
    row = IndicatorSetting(
        year=year,
        code=code,
        name=indicator.name,
        manual=indicator.manual,
        measure=indicator.measure if indicator.manual else "",
        basis=indicator.basis if indicator.manual else "",
        **values,
    )
    return add(row, data={"year": year, "code": code, **values, "points": str(points)}, **act)


def manual_indicator_add(*, by, year: int, name: str, level: str, points, measure: str, basis: str) -> IndicatorSetting:
    """A new indicator the legal office scores unit by unit, with evidence (e.g. 法治宣传, 督察整改)."""
    checks = Checks()
    _year(checks, year)
    name = checks.text("name", "指标名称", name, limit=100)
    level = checks.text("level", "一级指标", level, limit=40)
    _points(checks, "points", "分值", points, MAX_POINTS)
    measure = checks.text("measure", "评分标准", measure, limit=300)
    basis = checks.text("basis", "依据", basis, limit=200)
    if name and any(i.name == name for i in system.system(year)):
        checks.fail("name", f"指标名称：{year}年度已有“{name}”")
    checks.done()
    code = f"{system.MANUAL_PREFIX}{secrets.token_hex(4)}"
    row = IndicatorSetting(
        year=year, code=code, name=name, level=level, points=points, manual=True, measure=measure, basis=basis
    )
    return add(
        row,
        by=by,
        who=LEGAL_OFFICE,
        action="assessment.indicator",
        label="新增人工评分指标",
        data={"year": year, "code": code, "name": name, "points": str(points)},
    )


def manual_score_set(
    *, by, year: int, code: str, unit, points, evidence: str, objection=None, version: int | None = None
) -> ManualScore:
    """A unit's points on one indicator, with the evidence for them."""
    indicator = system.find(year, code)
    if indicator is None:
        raise NotFound("没有该考核指标")
    checks = Checks()
    _points(checks, "points", "得分", points, indicator.points)
    evidence = checks.text("evidence", "评分依据", evidence, limit=2000)
    checks.done()
    values = {"points": points, "evidence": evidence, "objection": objection}
    act = {"by": by, "who": LEGAL_OFFICE, "action": "assessment.manual_score", "label": "人工评分", "unit": unit}
    data = {"year": year, "code": code, "indicator": indicator.name}
    current = ManualScore.objects.filter(year=year, code=code, unit=unit).first()
    if current is not None:
        return change(current, apply=values, expected_version=version, data=data, **act)
    row = ManualScore(year=year, code=code, unit=unit, **values)
    return add(row, data={**data, "points": str(points)}, **act)


def ranking_confirm(*, by, year: int, on: dt.date | None = None) -> RankingConfirmation:
    """评议考核结果 (山东省行政执法监督条例第十六条): the year's ranking, fixed once the year is over and no
    objection waits for an answer."""
    from .queries import scores

    on = on or timezone.localdate()
    checks = Checks()
    if on <= dt.date(year, 12, 31):
        checks.fail("year", f"年度：{year}年度尚未结束，不能确认排名")
    waiting = Objection.objects.filter(year=year, state=ObjectionState.FILED).count()
    if waiting:
        checks.fail("year", f"年度：尚有{waiting}件考核异议未答复，请答复后再确认排名")
    if RankingConfirmation.objects.filter(year=year).exists():
        checks.fail("year", f"年度：{year}年度排名已确认")
    checks.done()
    rows = sorted(scores(by, year=year, as_of=dt.date(year, 12, 31)), key=lambda r: r.rank)
    ranking = [{"unit": r.unit.name, "unit_id": r.unit.pk, "total": str(r.total), "rank": r.rank} for r in rows]
    row = RankingConfirmation(year=year, confirmed_on=on, confirmed_by=by, ranking=ranking)
    return add(
        row,
        by=by,
        who=LEGAL_OFFICE,
        action="assessment.ranking",
        label="确认年度考核排名",
        data={"year": year, "units": len(ranking), "basis": rules.EVALUATION.citation},
    )
