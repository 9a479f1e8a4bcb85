"""The cockpit's trends: the main computed indicators city-wide, by year (the last five) and by quarter
of the year shown, in two grouped queries whatever the data size — the facts other modules' acts left and
the statutory clocks closed. A rate is what counted of what was assessed, in per cent; a period with
nothing to assess has no point (None), not a full score."""

from __future__ import annotations

import datetime as dt

from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import ExtractQuarter, ExtractYear

from yifa.core.charts import line_chart, rate
from yifa.core.models import Deadline, DeadlineStatus

from .indicators import NORMDOCS_FILED, RECONSIDERATION_UPHELD, clocks_assessed_apart
from .models import Fact

YEARS = 5
CLOCKS = "clocks_on_time"
SERIES = {
    NORMDOCS_FILED: "规范性文件按时报送备案率",
    RECONSIDERATION_UPHELD: "行政复议未被纠错率",
    CLOCKS: "法定期限按期办结率",
}


def _counts(year: int, as_of: dt.date) -> dict[tuple[str, int, int], tuple[int, int]]:
    """{(indicator, year, quarter): (good, total)} for the five years up to ``year``, in one query."""
    first = year - YEARS + 1
    facts = (
        Fact.objects.filter(indicator__in=[NORMDOCS_FILED, RECONSIDERATION_UPHELD], year__gte=first, year__lte=year)
        .filter(on__lte=as_of)
        .annotate(code=F("indicator"), y=F("year"), q=ExtractQuarter("on"))
        .values("code", "y", "q")
        .annotate(total=Count("pk"), good=Count("pk", filter=Q(good=True)))
        .values_list("code", "y", "q", "total", "good")
        .order_by()
    )
    clocks = (
        Deadline.objects.filter(
            closed_on__year__gte=first,
            closed_on__lte=min(as_of, dt.date(year, 12, 31)),
            status__in=(DeadlineStatus.MET, DeadlineStatus.LATE),
        )
        .exclude(rule_id__in=clocks_assessed_apart())
        .annotate(code=Value(CLOCKS, CharField()), y=ExtractYear("closed_on"), q=ExtractQuarter("closed_on"))
        .values("code", "y", "q")
        .annotate(total=Count("pk"), good=Count("pk", filter=Q(status=DeadlineStatus.MET)))
        .values_list("code", "y", "q", "total", "good")
        .order_by()
    )
    return {(code, y, q): (good, total) for code, y, q, total, good in facts.union(clocks, all=True)}


def _rate(cells: list[tuple[int, int]]) -> float | None:
    good, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
    return rate(good, total) if total else None


def trends(year: int, as_of: dt.date) -> dict:
    counts = _counts(year, as_of)
    years = list(range(year - YEARS + 1, year + 1))
    by_year = {
        label: [_rate([counts.get((code, y, q), (0, 0)) for q in range(1, 5)]) for y in years]
        for code, label in SERIES.items()
    }
    by_quarter = {
        label: [_rate([counts.get((code, year, q), (0, 0))]) for q in range(1, 5)] for code, label in SERIES.items()
    }
    year_labels = [f"{y}年" for y in years]
    quarter_labels = [f"第{q}季度" for q in "一二三四"]
    return {
        "yearly": line_chart("主要指标年度趋势（全市）", year_labels, by_year, unit="%"),
        "quarterly": line_chart(f"{year}年主要指标分季度（全市）", quarter_labels, by_quarter, unit="%"),
        "yearly_rows": _rows(year_labels, by_year),
        "quarterly_rows": _rows(quarter_labels, by_quarter),
    }


def _rows(labels: list[str], series: dict[str, list]) -> dict:
    return {"periods": labels, "series": list(series.items())}
