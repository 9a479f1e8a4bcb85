"""The staff lists of disclosure (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing, clock_due, clock_title

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
        Column("期限", "", "clock_due"),
        Column("最近期限", "clock_title", annotate=clock_title(), page=False),
        Column("最近期限届满日", "clock_due", "clock_due", annotate=clock_due(), page=False),
    ],
)

CATALOGUE = Listing(
    "主动公开目录",
    [
        Column("状态", "state", "state"),
        Column("信息名称", "title", "title"),
        Column("类别", "category", "category"),
        Column("形成或变更", "formed_on", "formed_on"),
        Column("公开日期", "published_on", "published_on"),
        # 政府信息公开条例第二十六条: the publication clock, as the page shows it
        Column("公开期限", "clock_due", "clock_due", annotate=clock_due()),
        Column("办理", ""),
    ],
)

CHALLENGES = Listing(
    "政府信息公开行政复议、行政诉讼",
    [
        Column("类别", "kind", "kind"),
        Column("案号", "reference", "reference"),
        Column("受理或立案", "filed_on", "filed_on"),
        Column("结果", "result", "result"),
        Column("审结", "concluded_on", "concluded_on"),
        Column("所涉申请", "request__number", "request__number"),
        Column("说明", "note"),
        Column("办理", ""),
    ],
)

CLOCKS = Listing(
    "政府信息公开期限",
    [
        Column("状态", "status", "status"),
        Column("事项", "subject_label", "subject_label"),
        Column("期限", "title", "title"),
        Column("行政机关", "unit__name", "unit__name"),
        Column("届满日", "due", "due"),
    ],
)
