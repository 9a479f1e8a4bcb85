"""The staff list of disclosure requests (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

REQUESTS = Listing(
    "政府信息公开申请",
    [
        Column("编号", "number", "number"),
        Column("行政机关", "unit__name", "unit__name"),
        Column("收到日期", "received_on", "received_on"),
        Column("提交方式", "channel", "channel"),
        Column("申请内容", "content"),
        Column("状态", "state", "state"),
        Column("办理结果", "outcome", "outcome"),
        Column("期限", ""),
    ],
)
