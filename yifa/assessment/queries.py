"""Scores: every indicator of the year computed once for all units (one or two queries each), the legal
office's manual scores read once, then each unit's lines assembled in memory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from yifa.core.access import scope
from yifa.core.models import Unit, UnitKind

from . import system
from .indicators import Indicator, Tally, facts_read_once, overdue_counts
from .models import LeaderReport, ManualScore, Objection

ASSESSED_KINDS = (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)


@dataclass
class Line:
    indicator: Indicator
    tally: Tally
    points: Decimal
    manual: ManualScore | None = None  # the points set by the legal office, replacing the computed ones
    rows: list = field(default_factory=list)

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


def _manual_scores(year: int, unit_id: int | None = None) -> dict[tuple[str, int], ManualScore]:
    qs = ManualScore.objects.filter(year=year).select_related("objection")
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    return {(m.code, m.unit_id): m for m in qs}


def _line(i: Indicator, tally: Tally, manual: ManualScore | None) -> Line:
    points = min(manual.points, i.points) if manual is not None else tally.points(i.points)
    return Line(i, tally, points, manual)


def city_figures(indicators: list[Indicator], year: int, as_of: dt.date):
    """({code: {unit id: Tally}}, {unit id: clocks overdue}) for every unit: one or two grouped queries per
    indicator, read from covering indexes where they aggregate clocks."""
    with facts_read_once():
        tallies = {i.code: i.tally(year, as_of) for i in indicators}
        overdue = {unit_id: n for unit_id, (n, _) in overdue_counts(year, as_of).items()}
    return tallies, overdue


def scores(user, *, year: int, as_of: dt.date, indicators: list[Indicator] | None = None) -> list[UnitScore]:
    indicators = system.counted(year) if indicators is None else indicators
    units = list(assessed_units(user))
    tallies, overdue = city_figures(indicators, year, as_of)
    manual = _manual_scores(year)
    result = [
        UnitScore(
            unit,
            [_line(i, tallies[i.code].get(unit.pk, i.absent), manual.get((i.code, unit.pk))) for i in indicators],
            overdue.get(unit.pk, 0),
        )
        for unit in units
    ]
    for rank, row in enumerate(sorted(result, key=lambda r: (-r.total, r.unit.path)), start=1):
        row.rank = rank
    return result


def unit_score(unit: Unit, *, year: int, as_of: dt.date, rows: bool = True) -> UnitScore:
    """The unit's lines; with ``rows``, the records behind each (the page loads them per indicator instead)."""
    manual = _manual_scores(year, unit.pk)
    lines = []
    with facts_read_once():
        indicators = system.counted(year)
        tallies, _ = city_figures(indicators, year, as_of)
        for i in indicators:
            line = _line(i, tallies[i.code].get(unit.pk, i.absent), manual.get((i.code, unit.pk)))
            if rows:
                line.rows = i.rows(unit.pk, year, as_of)
            lines.append(line)
    return UnitScore(unit, lines)


def worst_indicators(rows: list[UnitScore]) -> list[tuple[Indicator, Decimal]]:
    """Each indicator's points lost across the units, worst first."""
    lost: dict[str, Decimal] = {}
    by_code: dict[str, Indicator] = {}
    for row in rows:
        for line in row.lines:
            by_code[line.indicator.code] = line.indicator
            lost[line.indicator.code] = lost.get(line.indicator.code, Decimal(0)) + line.lost
    return sorted(((by_code[c], v) for c, v in lost.items() if v > 0), key=lambda x: -x[1])


def reports(user, *, year: int):
    return scope(LeaderReport.objects.select_related("unit"), user).filter(year=year).order_by("unit__path", "kind")


def objections(user, *, year: int):
    return scope(Objection.objects.select_related("unit"), user).filter(year=year).order_by("state", "-id")


def manual_scores_of(code: str, year: int) -> dict[int, ManualScore]:
    return {m.unit_id: m for m in ManualScore.objects.filter(year=year, code=code)}


def published_shufa():
    from .models import ReportKind, ReportState

    return (
        LeaderReport.objects.filter(kind=ReportKind.SHUFA, state=ReportState.PUBLISHED)
        .select_related("unit")
        .order_by("-published_on", "-id")
    )


def confirmation(year: int):
    from .models import RankingConfirmation

    return RankingConfirmation.objects.filter(year=year).select_related("confirmed_by").first()
