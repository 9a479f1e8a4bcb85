"""The staff lists of reconsideration (``core.listing``): their columns, what sorts and what goes to Excel."""

from operator import attrgetter

from yifa.core.listing import Column, Listing

CASES = Listing(
    "行政复议案件",
    [
        Column("案号或收件编号", attrgetter("number"), "id"),
        Column("收到日期", attrgetter("received_on"), "received_on"),
        Column("申请方式", lambda c: c.get_channel_display(), "channel"),
        Column("被申请人", attrgetter("respondent_name"), "respondent_name"),
        Column("行政行为", attrgetter("act_title")),
        Column("状态", lambda c: c.get_state_display(), "state"),
        Column("受理日期", attrgetter("accepted_on"), "accepted_on"),
        Column("结案日期", attrgetter("closed_on"), "closed_on"),
    ],
)
