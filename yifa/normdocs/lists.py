"""The staff list of normative documents (``core.listing``): its columns, what sorts and what goes to Excel."""

from operator import attrgetter

from yifa.core.listing import Column, Listing

DOCUMENTS = Listing(
    "行政规范性文件",
    [
        Column("标题", attrgetter("title"), "title"),
        Column("文号", attrgetter("number"), "number"),
        Column("制定机关", lambda d: d.unit.name, "unit__name"),
        Column("状态", lambda d: d.get_status_display(), "status"),
        Column("公布日期", attrgetter("published_on"), "published_on"),
        Column("有效期至", attrgetter("expires_on"), "expires_on"),
    ],
)

FILING = Listing(
    "报送备案期限",
    [
        Column("状态", lambda d: d.get_status_display(), "status"),
        Column("文件", attrgetter("subject_label"), "subject_label"),
        Column("制定机关", lambda d: d.unit.name if d.unit else "", "unit__name"),
        Column("应报日期", attrgetter("due"), "due"),
        Column("计算说明", attrgetter("explanation")),
    ],
)
