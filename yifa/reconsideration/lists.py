"""The staff lists of reconsideration (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

CASES = Listing(
    "行政复议案件",
    [
        Column("案号或收件编号", ("case_number", "receipt_number"), "id", show=lambda case, receipt: case or receipt),
        Column("收到日期", "received_on", "received_on"),
        Column("申请方式", "channel", "channel"),
        Column("被申请人", "respondent_name", "respondent_name"),
        Column("行政行为", "act_title"),
        Column("状态", "state", "state"),
        Column("受理日期", "accepted_on", "accepted_on"),
        Column("结案日期", "closed_on", "closed_on"),
    ],
)
