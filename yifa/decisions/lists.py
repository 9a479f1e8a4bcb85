"""The staff lists of major decisions (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

DECISIONS = Listing(
    "重大行政决策",
    [
        Column("决策事项", "title", sort=True),
        Column("决策机关", "decision_body__name", sort=True),
        Column("承办单位", "lead_unit__name", sort=True),
        Column("状态", "state", sort=True),
        Column("启动", "started_on", sort=True),
    ],
)

# the items as each catalogue's table shows them (sorted within the catalogue); the export below adds the catalogue
ITEMS = Listing(
    "决策事项目录",
    [
        Column("事项", "title", sort=True),
        Column("类别", "category", sort=True),
        Column("承办单位", "lead_unit__name", sort=True),
        Column("程序要求", ""),
        Column("计划", "planned", sort=True),
    ],
)

CATALOGUE_ITEMS = Listing(
    "决策事项目录",
    [
        Column("年度", "catalogue__year", sort=True),
        Column("决策机关", "catalogue__unit__name", sort=True),
        Column("目录状态", "catalogue__state", sort=True),
        Column("事项名称", "title", sort=True),
        Column("类别", "category", sort=True),
        Column("承办单位", "lead_unit__name", sort=True),
        Column("依法应当听证", "hearing_required", show=lambda v: "是" if v else "否"),
        Column("计划时间", "planned", sort=True),
    ],
)


def _rules_status(row, today) -> str:
    if row["on_time"]:
        return "已建立"
    if row["entry"]:
        return "逾期建立"
    return "逾期未建" if today > row["due"] else "待建立"


def rules_grid(board, today) -> tuple[list, list[list]]:
    """The decision-rules board as on the page: each organ's status, its rules and the day adopted."""
    head = ["状态", "单位", "决策规则", "文号", "通过日期"]
    rows = [
        [
            _rules_status(row, today),
            row["unit"].name,
            row["entry"].title if row["entry"] else "",
            row["entry"].document_no if row["entry"] else "",
            row["entry"].adopted_on if row["entry"] else None,
        ]
        for row in board
    ]
    return head, rows
