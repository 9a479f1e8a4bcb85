"""Scores: every indicator computed once for all units (one or two queries each), then read per unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from yifa.core.access import scope
from yifa.core.models import Deadline, DeadlineStatus, Unit, UnitKind

from .indicators import INDICATORS, TOTAL, Indicator, Tally

ASSESSED_KINDS = (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)


@dataclass
class Line:
    indicator: Indicator
    tally: Tally
    points: Decimal

    @property
    def lost(self) -> Decimal:
        return self.indicator.points - self.points


@dataclass
class UnitScore:
    unit: Unit
    lines: list[Line]
    overdue: int = 0
    rank: int = 0

    @property
    def total(self) -> Decimal:
        return sum((line.points for line in self.lines), Decimal(0))


def assessed_units(user):
    return scope(Unit.objects.filter(kind__in=ASSESSED_KINDS, active=True), user, "pk").order_by("path")


def scores(user, *, year: int, as_of: dt.date) -> list[UnitScore]:
    units = list(assessed_units(user))
    tallies = {i.code: i.tally(year, as_of) for i in INDICATORS}
    overdue = dict(
        Deadline.objects.filter(status=DeadlineStatus.RUNNING, due__lt=as_of)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    result = []
    for unit in units:
        lines = []
        for i in INDICATORS:
            tally = tallies[i.code].get(unit.pk, Tally(0, 0))
            lines.append(Line(i, tally, tally.points(i.points)))
        result.append(UnitScore(unit, lines, overdue.get(unit.pk, 0)))
    for rank, row in enumerate(sorted(result, key=lambda r: (-r.total, r.unit.path)), start=1):
        row.rank = rank
    return result


def unit_score(unit: Unit, *, year: int, as_of: dt.date) -> UnitScore:
    lines = []
    for i in INDICATORS:
        tally = i.tally(year, as_of).get(unit.pk, Tally(0, 0))
        line = Line(i, tally, tally.points(i.points))
        line.rows = i.rows(unit.pk, year, as_of)
        lines.append(line)
    return UnitScore(unit, lines)


def worst_indicators(rows: list[UnitScore]) -> list[tuple[Indicator, Decimal]]:
    """Each indicator's points lost across the units, worst first."""
    lost = {i.code: Decimal(0) for i in INDICATORS}
    for row in rows:
        for line in row.lines:
            lost[line.indicator.code] += line.lost
    by_code = {i.code: i for i in INDICATORS}
    return sorted(((by_code[c], v) for c, v in lost.items() if v > 0), key=lambda x: -x[1])


__all__ = ["TOTAL", "scores", "unit_score", "worst_indicators"]


def reports(user, *, year: int):
    from .models import LeaderReport

    return scope(LeaderReport.objects.select_related("unit"), user).filter(year=year).order_by("unit__path", "kind")
