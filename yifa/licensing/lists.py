"""The staff list of licensing applications (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

APPLICATIONS = Listing(
    "行政许可申请",
    [
        Column("编号", "number", "number"),
        Column("事项", "item__name", "item__name"),
        Column("收到日期", "received_on", "received_on"),
        Column("方式", "channel", "channel"),
        Column("状态", "state", "state"),
        Column("期限", ""),
    ],
)
