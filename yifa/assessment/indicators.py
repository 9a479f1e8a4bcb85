"""This module's own indicators: each one's default level, points, basis, and how it is computed from
what other modules hold — through the facts their acts leave (receivers.py), the statutory clocks in
core, or another module's documented read interface (``yifa.training.interface``). No module's models
are imported here. Other modules add theirs in their ``scores.py`` (see ``interface.py``); the legal
office's settings and manual indicators are applied per year by ``system.py``.

An indicator's points are its weight times the share of its records that count for the unit; a unit
with nothing to assess under an indicator keeps the full points (nothing went wrong)."""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, CharField, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber

from yifa.core.closed_counts import closed_counts
from yifa.core.models import Deadline, DeadlineStatus
from yifa.lib.law import REGISTRY
from yifa.lib.statutes import FUYI_2023
from yifa.training.interface import STUDY_SESSIONS_MINIMUM

from .models import Fact


def _no_rows(unit_id: int, year: int, as_of: dt.date) -> list[dict]:
    return []


def _no_tally(year: int, as_of: dt.date) -> dict:
    return {}


@dataclass(frozen=True)
class Tally:
    """What counts for the unit out of what was assessed: records (documents filed on time of those due) or
    any other measure (review points earned of points possible)."""

    good: int | Decimal
    total: int | Decimal

    def points(self, weight: Decimal) -> Decimal:
        share = Decimal(1) if not self.total else Decimal(self.good) / Decimal(self.total)
        return (weight * share).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    level: str  # the first-level heading it sits under
    points: Decimal
    basis: str
    measure: str  # what is counted, in one Chinese sentence
    tally: Callable[[int, dt.date], dict[int, Tally]] = _no_tally  # (year, as of) -> {unit id: tally}
    rows: Callable[[int, int, dt.date], list[dict]] = _no_rows  # (unit id, year, as of) -> records behind it
    absent: Tally = Tally(0, 0)  # a unit the tally does not mention: nothing to assess, full points
    source: str = "assessment"  # the module that declared it
    enabled: bool = True
    manual: bool = False  # scored unit by unit by the legal office, with evidence
    setting: object = field(default=None, compare=False)  # the legal office's IndicatorSetting in force
    # the statutory clocks (rule ids) this indicator assesses by itself: the general "法定期限按期办结"
    # leaves them out, so one late act costs points under one indicator only
    clock_rules: tuple[str, ...] = ()

    @property
    def has_rows(self) -> bool:
        """Whether it lists records behind its figure (loaded on demand on the unit's score page)."""
        return self.rows is not _no_rows and not self.manual


def _rule_citation(rule_id: str, fallback: str) -> str:
    rule = REGISTRY.get(rule_id)
    return rule.citation if rule else fallback


# ---- facts written by receivers ------------------------------------------------------------------
# A page scoring several fact-based indicators reads the facts once for all of them (``facts_read_once``):
# one grouped query for every indicator's counts, one for the records behind a unit's lines, whatever
# the number of indicators other modules declare.
ROWS_SHOWN = 200
_read_once: contextvars.ContextVar[dict | None] = contextvars.ContextVar("assessment_facts", default=None)


@contextmanager
def facts_read_once():
    """Within it, what one page reads several times is read once (the memo of an outer one is kept)."""
    if _read_once.get() is not None:
        yield
        return
    token = _read_once.set({})
    try:
        yield
    finally:
        _read_once.reset(token)


def _fact_counts(year: int, as_of: dt.date) -> dict[str, dict[int, Tally]]:
    memo = _read_once.get()
    if memo is not None and ("counts", year, as_of) in memo:
        return memo[("counts", year, as_of)]
    rows = (
        Fact.objects.filter(year=year, on__lte=as_of)
        .values("indicator", "unit_id")
        .annotate(total=Count("unit"), good=Count("unit", filter=Q(good=True)))
        .order_by()
    )
    found: dict[str, dict[int, Tally]] = {}
    for r in rows:
        found.setdefault(r["indicator"], {})[r["unit_id"]] = Tally(r["good"], r["total"])
    if memo is not None:
        memo[("counts", year, as_of)] = found
    return found


def _fact_lines(unit_id: int, year: int, as_of: dt.date, only: str | None = None) -> dict[str, list[dict]]:
    """The unit's facts of the year, at most ``ROWS_SHOWN`` per indicator (the not-good first), in one query:
    of every indicator, or ``only`` one."""
    memo = _read_once.get()
    key = ("rows", unit_id, year, as_of, only)
    if memo is not None and key in memo:
        return memo[key]
    order = [F("good").asc(), F("on").desc(), F("pk").desc()]
    facts = Fact.objects.filter(unit_id=unit_id, year=year, on__lte=as_of)
    qs = (
        (facts if only is None else facts.filter(indicator=only))
        .annotate(n=Window(RowNumber(), partition_by=[F("indicator")], order_by=order))
        .filter(n__lte=ROWS_SHOWN)
        .order_by("indicator", *order)
    )
    found: dict[str, list[dict]] = {}
    for f in qs:
        found.setdefault(f.indicator, []).append(
            {"label": f.label, "link": f.link, "good": f.good, "on": f.on, "detail": f.detail}
        )
    if memo is not None:
        memo[key] = found
    return found


def fact_tally(indicator: str):
    def tally(year: int, as_of: dt.date) -> dict[int, Tally]:
        return _fact_counts(year, as_of).get(indicator, {})

    return tally


def fact_rows(indicator: str):
    def rows(unit_id: int, year: int, as_of: dt.date) -> list[dict]:
        # a page showing every indicator's records reads them all at once; one indicator's records, its own
        only = None if _read_once.get() is not None else indicator
        return _fact_lines(unit_id, year, as_of, only).get(indicator, [])

    return rows


# ---- the filing clocks still running past their due date: not filed at all counts as late -----------
FILING_RULE = "normdocs.filing"


def overdue_counts(year: int, as_of: dt.date) -> dict[int, tuple[int, int]]:
    """{unit id: (clocks still running past their due date, of which filing clocks due in ``year``)}: the
    cockpit's overdue column and the filing indicator's unfiled documents, in one query."""
    memo = _read_once.get()
    key = ("overdue", year, as_of)
    if memo is not None and key in memo:
        return memo[key]
    rows = (
        Deadline.objects.filter(status=DeadlineStatus.RUNNING, due__lt=as_of)
        .values("unit_id")
        .annotate(n=Count("unit"), filing=Count("unit", filter=Q(rule_id=FILING_RULE, due__year=year)))
        .order_by()
    )
    found = {r["unit_id"]: (r["n"], r["filing"]) for r in rows}
    if memo is not None:
        memo[key] = found
    return found


def _filing_tally(year: int, as_of: dt.date) -> dict[int, Tally]:
    result = dict(fact_tally(NORMDOCS_FILED)(year, as_of))
    for unit_id, (_, unfiled) in overdue_counts(year, as_of).items():
        if unfiled:
            before = result.get(unit_id, Tally(0, 0))
            result[unit_id] = Tally(before.good, before.total + unfiled)
    return result


def _filing_rows(unit_id: int, year: int, as_of: dt.date) -> list[dict]:
    overdue = [
        {"label": d.subject_label, "link": d.link, "good": False, "on": d.due, "detail": "逾期未报送备案"}
        for d in _clock_lines(unit_id, year, as_of).get(UNFILED, [])
    ]
    return overdue + fact_rows(NORMDOCS_FILED)(unit_id, year, as_of)


# ---- every statutory clock of the unit that closed in the year -------------------------------------
def clocks_assessed_apart() -> list[str]:
    """The clock rules some declared indicator assesses by itself (``Indicator.clock_rules``): the filing
    clocks, disclosure's reply clocks … The general clock indicator and its trend leave them out, whether or
    not the legal office counts that indicator in a year (leaving it out leaves those clocks unassessed)."""
    from .system import declared

    return sorted({rule for i in declared() for rule in i.clock_rules})


def _clocks_tally(year: int, as_of: dt.date) -> dict[int, Tally]:
    """From core's closed-clock counts by unit, rule and month (one query, not one row per clock)."""
    last = min(as_of, dt.date(year, 12, 31))
    counts = closed_counts(dt.date(year, 1, 1), last, by="unit", exclude_rules=clocks_assessed_apart())
    return {unit: Tally(met, met + late) for unit, (met, late) in counts.items() if met + late}


UNFILED, LATE = "unfiled", "late"
CLOCK_LINES_SHOWN = 100


def _clock_lines(unit_id: int, year: int, as_of: dt.date) -> dict[str, list[Deadline]]:
    """The unit's clocks behind the filing and the general clock indicators, in one query: its filing clocks
    still running past a due date in ``year`` (oldest first) and its other clocks closed late in ``year``
    (newest first), at most ``CLOCK_LINES_SHOWN`` of each."""
    memo = _read_once.get()
    key = ("clock_lines", unit_id, year, as_of)
    if memo is not None and key in memo:
        return memo[key]
    unfiled = Q(rule_id=FILING_RULE, status=DeadlineStatus.RUNNING, due__lt=as_of, due__year=year)
    late = Q(closed_on__year=year, closed_on__lte=as_of, status=DeadlineStatus.LATE) & ~Q(
        rule_id__in=clocks_assessed_apart()
    )
    kind = Case(When(unfiled, then=Value(UNFILED)), default=Value(LATE), output_field=CharField())
    order = [
        Case(When(unfiled, then=F("due")), default=None).asc(nulls_last=True),
        F("closed_on").desc(nulls_last=True),
        F("pk").desc(),
    ]
    qs = (
        Deadline.objects.filter(unfiled | late, unit_id=unit_id)
        .annotate(kind=kind, n=Window(RowNumber(), partition_by=[kind], order_by=order))
        .filter(n__lte=CLOCK_LINES_SHOWN)
        .order_by("kind", *order)
    )
    found: dict[str, list[Deadline]] = {}
    for d in qs:
        found.setdefault(d.kind, []).append(d)
    if memo is not None:
        memo[key] = found
    return found


def _clocks_rows(unit_id: int, year: int, as_of: dt.date) -> list[dict]:
    return [
        {
            "label": f"{d.subject_label}：{d.title}",
            "link": d.link,
            "good": False,
            "on": d.closed_on,
            "detail": "逾期办结",
        }
        for d in _clock_lines(unit_id, year, as_of).get(LATE, [])
    ]


# ---- training, through its read interface ------------------------------------------------------------
def _training_tally(year: int, as_of: dt.date) -> dict[int, Tally]:
    from yifa.training import interface

    return {unit: Tally(met, total) for unit, (met, total) in interface.hours_met_by_unit(year).items()}


def _study_tally(year: int, as_of: dt.date) -> dict[int, Tally]:
    from yifa.training import interface

    minimum = STUDY_SESSIONS_MINIMUM
    return {u: Tally(min(n, minimum), minimum) for u, n in interface.study_sessions_by_unit(year).items()}


TRAINING_BASIS = "；".join(
    _rule_citation(rule_id, name)
    for rule_id, name in (("training.hours", "公务员法"), ("training.enforcement_hours", "执法培训"))
)
NORMDOCS_FILED = "normdocs_filed"
RECONSIDERATION_UPHELD = "reconsideration_upheld"

BUILT_IN: list[Indicator] = [
    Indicator(
        NORMDOCS_FILED,
        "规范性文件按时报送备案",
        "制度建设",
        Decimal(20),
        _rule_citation(FILING_RULE, "规范性文件报送备案"),
        "公布后按期报送备案的文件占应报备文件的比例（逾期未报视为迟报）",
        _filing_tally,
        _filing_rows,
        clock_rules=(FILING_RULE,),
    ),
    Indicator(
        RECONSIDERATION_UPHELD,
        "行政复议未被纠错",
        "监督与纠错",
        Decimal(20),
        f"{FUYI_2023.citation}第六十三条至第六十七条",
        "作为被申请人的复议案件中，未被变更、撤销、确认违法、责令履行或确认无效的比例",
        fact_tally(RECONSIDERATION_UPHELD),
        fact_rows(RECONSIDERATION_UPHELD),
    ),
    Indicator(
        "clocks_on_time",
        "法定期限按期办结",
        "依法履职",
        Decimal(30),
        "各模块法定期限（见“法定期限规则”）",
        "年内办结的法定期限中按期办结的比例（已由其他指标考核的期限，如规范性文件报备、政府信息公开答复，不重复计算）",
        _clocks_tally,
        _clocks_rows,
    ),
    Indicator(
        "training_hours",
        "年度培训学时达标",
        "队伍建设",
        Decimal(20),
        TRAINING_BASIS,
        "本单位人员中年度培训学时达到要求的比例",
        _training_tally,
    ),
    Indicator(
        "leadership_study",
        "领导班子学法不少于两次",
        "队伍建设",
        Decimal(10),
        _rule_citation("training.leadership_study", "领导干部学法制度"),
        "领导班子年度学法次数（两次得满分）",
        _study_tally,
        absent=Tally(0, STUDY_SESSIONS_MINIMUM),  # no session recorded: none of the required
    ),
]
