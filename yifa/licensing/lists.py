"""The staff lists of licensing (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing, clock_due, clock_title

# 期限: the page shows every open clock; the export gives the one due first, its date a date cell
APPLICATIONS = Listing(
    "行政许可申请",
    [
        Column("编号", "number", sort=True),
        Column("事项", "item__name", sort=True),
        Column("收到日期", "received_on", sort=True),
        Column("方式", "channel", sort=True),
        Column("状态", "state", sort=True),
        Column("期限", "", "clock_due"),
        Column("最近期限", "clock_title", annotate=clock_title(), page=False),
        Column("最近期限届满日", "clock_due", sort=True, annotate=clock_due(), page=False),
    ],
)

ITEMS = Listing(
    "行政许可事项清单",
    [
        Column("编码", "code", sort=True),
        Column("事项名称", "name", sort=True),
        Column("实施机关", "unit__name", sort=True),
        Column("法定时限（工作日）", "statutory_days", sort=True, page=False),
        Column("承诺时限（工作日）", "promised_days", sort=True, page=False),
        Column("法定/承诺时限（工作日）", "", "statutory_days"),
        Column("收费", "fee_standard", show=lambda fee: fee or "不收费"),
        Column("状态", "state", sort=True),
    ],
)

CERTIFICATES = Listing(
    "行政许可证件",
    [
        Column("证件编号", "number", sort=True),
        Column("事项", "item__name", sort=True),
        Column("发证机关", "unit__name", sort=True),
        Column("被许可人", "holder_name", sort=True, page=False),
        Column("发证日期", "issued_on", sort=True),
        Column("有效期至", "valid_until", sort=True, show=lambda day: day or "长期"),
        Column("状态", "state", sort=True),
    ],
)


# the page's order; its export is the ledger's own workbook (``reform.export_xlsx``), in that order
REFORM = Listing(
    "审批制度改革台账",
    [
        Column("事项", "", "item_code"),
        Column("原实施机关", "", "unit__name"),
        Column("改革方式", "", "kind"),
        Column("承接机关或合并后事项", "", "counterpart"),
        Column("决定文件", "", "document_number"),
        Column("印发日期", "", "decided_on"),
        Column("时限（前→后）", ""),
        Column("材料（前→后）", ""),
    ],
)

DRAWS = Listing(
    "告知承诺事后核查抽取",
    [
        Column("抽取日期", "drawn_on", sort=True),
        Column("实施机关", "unit__name", sort=True),
        Column(
            "决定日期范围",
            ("granted_from", "granted_to"),
            "granted_from",
            show=lambda a, b: f"{a:%Y-%m-%d}至{b:%Y-%m-%d}",
        ),
        Column("比例", "percent", sort=True, show=lambda p: f"{p}%"),
        Column("随机种子", "seed"),
        Column("范围内件数", "population", show=lambda found: len(found or [])),
    ],
)
