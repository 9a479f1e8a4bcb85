"""The staff list of normative documents (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

DOCUMENTS = Listing(
    "行政规范性文件",
    [
        Column("标题", "title", "title"),
        Column("文号", "number", "number"),
        Column("制定机关", "unit__name", "unit__name"),
        Column("状态", "status", "status"),
        Column("公布日期", "published_on", "published_on"),
        Column("有效期至", "expires_on", "expires_on"),
    ],
)

FILING = Listing(
    "报送备案期限",
    [
        Column("状态", "status", "status"),
        Column("文件", "subject_label", "subject_label"),
        Column("制定机关", "unit__name", "unit__name"),
        Column("应报日期", "due", "due"),
        Column("计算说明", "explanation"),
    ],
)

CAMPAIGNS = Listing(
    "规范性文件清理",
    [
        Column("名称", "title", "title"),
        Column("基准日", "baseline", "baseline"),
        Column("事项", "item_count", "item_count"),
        Column("状态", "status", "status"),
    ],
)
