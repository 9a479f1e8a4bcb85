"""The staff lists of work plans (``core.listing``): its columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

from .models import AssignmentStatus

PLANS = Listing(
    "工作计划",
    [
        Column("计划", "title", sort=True),
        Column("年度", "year", sort=True),
        Column("组织单位", "unit__name", sort=True),
        Column("状态", "state", sort=True),
        Column("确认日", "confirmed_on", sort=True),
    ],
)

INFO = Listing(
    "政务信息报送",
    [
        Column("标题", "title", sort=True),
        Column("单位", "unit__name", sort=True),
        Column("报送日", "submitted_on", sort=True),
        Column("状态", "state", sort=True),
    ],
)

# 逾期事项 on the supervision board: each unit's share of a task past its date (the share's clock is the task's date)
OVERDUE = Listing(
    "逾期事项",
    [
        Column("选择", ""),
        Column(
            "任务",
            ("task__number", "task__title"),
            "task__title",
            show=lambda n, title: f"{n}. {title}" if n else title,
        ),
        Column("计划", "task__plan__title", sort=True, page=False),
        Column("责任单位", "unit__name", sort=True),
        Column("完成时限", "task__due", sort=True),
        Column("进展", ("status", "percent"), "percent", show=lambda s, p: f"{AssignmentStatus(s).label} {p}%"),
        Column("催办", "urge_count", sort=True, show=lambda n: f"{n}次"),
    ],
)


def _report_cell(cell) -> str:
    """A cell of the report grid as the page shows it: the status, and the report's state and day sent."""
    parts = [cell.label]
    if cell.report:
        parts.append(cell.report.get_state_display())
        if cell.report.first_submitted_on:
            parts.append(f"{cell.report.first_submitted_on:%Y-%m-%d}报送")
    return "，".join(parts)


def report_grid(matrix, kinds) -> tuple[list, list[list]]:
    """Units down, report kinds across, as on the page: the header and the rows for ``grid_export``."""
    return ["单位", *[k.label for k in kinds]], [[unit.name, *map(_report_cell, cells)] for unit, cells in matrix]


def _institution_cell(cell) -> str:
    record = cell["record"]
    if not record:
        return cell["label"]
    return "，".join(filter(None, [cell["label"], record.document_title, f"{record.established_on:%Y-%m-%d}"]))


def institution_grid(columns, rows) -> tuple[list, list[list]]:
    """Units down, institutions across (each with its kind and date), the count missing last, as on the page."""
    head = ["单位"]
    for c in columns:
        head.append(f"{c.name}（{c.get_kind_display()}{f'，{c.due:%Y-%m-%d}前' if c.due else ''}）")
    head.append("缺")
    return head, [[r["unit"].name, *map(_institution_cell, r["cells"]), r["missing"]] for r in rows]
