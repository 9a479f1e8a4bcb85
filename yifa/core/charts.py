"""Charts beside their tables: an Apache ECharts option built from rows a page already aggregated in
SQL; ``core/_chart.html`` renders it (the table stays the accessible, printable source)."""

from __future__ import annotations


def bar_chart(title: str, categories: list[str], series: dict[str, list], *, unit: str = "") -> dict:
    return {
        "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0} if len(series) > 1 else {"show": False},
        "grid": {"left": 8, "right": 8, "top": 40, "bottom": 40, "containLabel": True},
        "xAxis": {"type": "category", "data": categories, "axisLabel": {"interval": 0, "rotate": 30}},
        "yAxis": {"type": "value", "axisLabel": {"formatter": "{value}" + unit}},
        "series": [{"name": name, "type": "bar", "data": values} for name, values in series.items()],
    }


def line_chart(title: str, categories: list[str], series: dict[str, list], *, unit: str = "") -> dict:
    """A trend: the same axes as ``bar_chart``, each series drawn as a line."""
    option = bar_chart(title, categories, series, unit=unit)
    option["xAxis"]["axisLabel"] = {"interval": 0}
    option["series"] = [{**s, "type": "line"} for s in option["series"]]
    return option


def rate(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0
