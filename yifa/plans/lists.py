"""The staff list of work plans (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

PLANS = Listing(
    "工作计划",
    [
        Column("计划", "title", "title"),
        Column("年度", "year", "year"),
        Column("组织单位", "unit__name", "unit__name"),
        Column("状态", "state", "state"),
        Column("确认日", "confirmed_on", "confirmed_on"),
    ],
)

INFO = Listing(
    "政务信息报送",
    [
        Column("标题", "title", "title"),
        Column("单位", "unit__name", "unit__name"),
        Column("报送日", "submitted_on", "submitted_on"),
        Column("状态", "state", "state"),
    ],
)
