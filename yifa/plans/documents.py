"""The decomposition table (序号, 工作内容, 责任单位, 完成时限, 进展) as .xlsx and .docx."""

from yifa.lib.office import docx_from_text, xlsx_table

from .queries import plan_rows, progress_text

HEADERS = ["序号", "工作内容", "责任单位", "完成时限", "进展"]


def decomposition_rows(plan) -> list[list]:
    rows = []
    for task in plan_rows(plan):
        units = "、".join(a.unit.name for a in task.assignments.all())
        due = task.due.isoformat() if task.due else (task.deadline_text or "")
        rows.append([task.number or "—", task.title, units, due, progress_text(task)])
    return rows


def decomposition_xlsx(plan) -> bytes:
    return xlsx_table("任务分解表", HEADERS, decomposition_rows(plan))


def decomposition_docx(plan) -> bytes:
    return docx_from_text(
        f"{plan.title}任务分解表", [f"年度：{plan.year}年"], table=(HEADERS, decomposition_rows(plan))
    )


def filename(plan, fmt: str) -> str:
    return f"{plan.title}任务分解表.{fmt}"
