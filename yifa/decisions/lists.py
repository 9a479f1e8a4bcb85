"""The staff list of major decisions (``core.listing``): its columns, what sorts and what goes to Excel."""

from operator import attrgetter

from yifa.core.listing import Column, Listing

DECISIONS = Listing(
    "重大行政决策",
    [
        Column("决策事项", str, "title"),
        Column("决策机关", lambda d: d.decision_body.name, "decision_body__name"),
        Column("承办单位", lambda d: d.lead_unit.name, "lead_unit__name"),
        Column("状态", lambda d: d.get_state_display(), "state"),
        Column("启动", attrgetter("started_on"), "started_on"),
    ],
)
