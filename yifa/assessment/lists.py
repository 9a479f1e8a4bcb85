"""The staff lists of assessment (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing


def _points(value):
    return "" if value is None else float(value)


OBJECTIONS = Listing(
    "考核异议",
    [
        Column("单位", "unit__name", "unit__path"),
        Column("指标", "indicator_name", sort=True),
        Column("提出日", "filed_on", sort=True),
        Column("状态", "state", sort=True),
        Column("提出时得分", "points_then", sort=True, show=_points),
        Column("复核后得分", "points", sort=True, show=_points),
    ],
)

REPORTS = Listing(
    "述法与法治政府建设报告",
    [
        Column("单位", "unit__name", "unit__path"),
        Column("报告", "title", sort=True),
        Column("状态", "state", sort=True),
        Column("提交日", "submitted_on", sort=True),
    ],
)
