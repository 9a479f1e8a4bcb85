"""The staff list of major decisions (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

DECISIONS = Listing(
    "重大行政决策",
    [
        Column("决策事项", "title", "title"),
        Column("决策机关", "decision_body__name", "decision_body__name"),
        Column("承办单位", "lead_unit__name", "lead_unit__name"),
        Column("状态", "state", "state"),
        Column("启动", "started_on", "started_on"),
    ],
)
