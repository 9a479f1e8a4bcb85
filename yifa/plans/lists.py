"""The staff list of work plans (``core.listing``): its columns, what sorts and what goes to Excel."""

from operator import attrgetter

from yifa.core.listing import Column, Listing

PLANS = Listing(
    "工作计划",
    [
        Column("计划", attrgetter("title"), "title"),
        Column("年度", attrgetter("year"), "year"),
        Column("组织单位", lambda p: p.unit.name, "unit__name"),
        Column("状态", lambda p: p.get_state_display(), "state"),
        Column("确认日", attrgetter("confirmed_on"), "confirmed_on"),
    ],
)
