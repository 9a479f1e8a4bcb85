"""The staff lists of disclosure (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing, clock_due, clock_title

REQUESTS = Listing(
    "政府信息公开申请",
    [
        Column("编号", "number", sort=True),
        Column("行政机关", "unit__name", sort=True),
        Column("收到日期", "received_on", sort=True),
        Column("提交方式", "channel", sort=True),
        Column("申请内容", "content"),
        Column("状态", "state", sort=True),
        Column("办理结果", "outcome", sort=True),
        Column("期限", "", "clock_due"),
        Column("最近期限", "clock_title", annotate=clock_title(), page=False),
        Column("最近期限届满日", "clock_due", sort=True, annotate=clock_due(), page=False),
    ],
)

CATALOGUE = Listing(
    "主动公开目录",
    [
        Column("状态", "state", sort=True),
        Column("信息名称", "title", sort=True),
        Column("类别", "category", sort=True),
        Column("形成或变更", "formed_on", sort=True),
        Column("公开日期", "published_on", sort=True),
        # 政府信息公开条例第二十六条: the publication clock, as the page shows it
        Column("公开期限", "clock_due", sort=True, annotate=clock_due()),
        Column("办理", ""),
    ],
)

CHALLENGES = Listing(
    "政府信息公开行政复议、行政诉讼",
    [
        Column("类别", "kind", sort=True),
        Column("案号", "reference", sort=True),
        Column("受理或立案", "filed_on", sort=True),
        Column("结果", "result", sort=True),
        Column("审结", "concluded_on", sort=True),
        Column("所涉申请", "request__number", sort=True),
        Column("说明", "note"),
        Column("办理", ""),
    ],
)

CLOCKS = Listing(
    "政府信息公开期限",
    [
        Column("状态", "status", sort=True),
        Column("事项", "subject_label", sort=True),
        Column("期限", "title", sort=True),
        Column("行政机关", "unit__name", sort=True),
        Column("届满日", "due", sort=True),
    ],
)
