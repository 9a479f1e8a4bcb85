"""The cockpit's trends: the main computed indicators city-wide, by year (the last five) and by quarter
of the year shown, in two grouped queries whatever the data size — the facts other modules' acts left and
core's counts of the statutory clocks closed, by month. A rate is what counted of what was assessed, in per
cent; a period with nothing to assess has no point (None), not a full score."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from yifa.core.charts import line_chart, rate
from yifa.core.closed_counts import closed_counts

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
    """{(indicator, year, quarter): (good, total)} for the five years up to ``year``: the facts in one query
    grouped by day (at most five years of days), the clocks from core's counts of closed clocks by month
    (one query, whatever the number of clocks); summed by quarter here, so no date function runs per row."""
    first = year - YEARS + 1
    facts = (
        Fact.objects.filter(indicator__in=[NORMDOCS_FILED, RECONSIDERATION_UPHELD], year__gte=first, year__lte=year)
        .filter(on__lte=as_of)
        .values("indicator", "year", "on")
        .annotate(total=Count("unit"), good=Count("unit", filter=Q(good=True)))
        .values_list("indicator", "year", "on", "total", "good")
        .order_by()
    )
    clocks = closed_counts(
        dt.date(first, 1, 1), min(as_of, dt.date(year, 12, 31)), by="month", exclude_rules=clocks_assessed_apart()
    )
    found: dict[tuple[str, int, int], tuple[int, int]] = {}

    def add(key, good, total):
        before = found.get(key, (0, 0))
        found[key] = (before[0] + good, before[1] + total)

    for code, y, day, total, good in facts:
        add((code, y, (day.month - 1) // 3 + 1), good, total)  # a fact counts in its own year
    for month, (met, late) in clocks.items():
        add((CLOCKS, month.year, (month.month - 1) // 3 + 1), met, met + late)  # a clock when closed
    return found


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
