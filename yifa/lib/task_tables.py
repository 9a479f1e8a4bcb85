"""Task tables in .docx and .xlsx (任务分工表): the header row is looked for, not assumed — titles, blank rows
and notes may stand above it — and its columns are told apart by their headings (序号, 工作任务, 牵头单位,
配合单位, 完成时限…). Each row is written back as a line a plan reader understands:

    24.新增四分类达标小区210个。（牵头单位：城管局；配合单位：市政局、各街道；完成时限：年底前）
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

HEADINGS = {
    "number": re.compile(r"^(?:序号|编号|序|项次|No\.?)$"),
    "task": re.compile(
        r"工作任务|重点任务|主要任务|任务内容|目标任务|具体任务|工作内容|工作事项|重点工作|具体措施|工作措施|任务|事项|内容"
    ),
    "lead": re.compile(r"牵头单位|牵头部门|主责单位|责任单位|责任部门|承办单位|负责单位"),
    "cooperating": re.compile(r"配合单位|配合部门|协办单位|参与单位|协同单位|责任主体与协同单位|协同"),
    "deadline": re.compile(r"完成时限|完成时间|时间节点|时限要求|时间要求|时限|进度安排"),
}
MIN_HEADINGS = 2
SCAN_ROWS = 15


@dataclass
class TaskTable:
    title: str
    columns: dict[str, int | list[int]]
    rows: list[list[str]]


def _cell(value) -> str:
    return re.sub(r"\s+", " ", str(value if value is not None else "")).strip()


def find_header(rows: list[list[str]]) -> tuple[int, dict] | None:
    """(index, columns) of the first row within the top SCAN_ROWS that names at least two known columns."""
    for index, row in enumerate(rows[:SCAN_ROWS]):
        columns: dict = {}
        for col, text in enumerate(row):
            text = text.replace(" ", "")
            if not text:
                continue
            kind = next(
                (k for k in ("number", "cooperating", "lead", "deadline", "task") if HEADINGS[k].search(text)), None
            )
            if kind == "task":
                columns.setdefault("task", []).append(col)
            elif kind and kind not in columns:
                columns[kind] = col
        if len([k for k in columns if k != "number"]) >= MIN_HEADINGS and "task" in columns:
            return index, columns
    return None


def table_of(rows: list[list]) -> TaskTable | None:
    rows = [[_cell(v) for v in row] for row in rows]
    rows = [r for r in rows if any(r)]
    found = find_header(rows)
    if found is None:
        return None
    index, columns = found
    title = next((c for r in rows[:index] for c in r if c), "")
    body = rows[index + 1 :]
    # Of several task-like columns (主要任务 merged across rows, 全年目标任务 filled), read the fullest.
    task_cols = columns["task"]
    columns["task"] = max(task_cols, key=lambda c: sum(len(r[c]) for r in body if c < len(r)))
    return TaskTable(title=title, columns=columns, rows=body)


def _get(row: list[str], col) -> str:
    return row[col] if isinstance(col, int) and col < len(row) else ""


def as_plan_lines(table: TaskTable) -> list[str]:
    """The rows as numbered plan lines with their units and deadline in brackets."""
    lines, counter = [], 0
    for row in table.rows:
        text = _get(row, table.columns["task"]).strip()
        if not text:
            continue
        counter += 1
        number = _get(row, table.columns.get("number")).rstrip(".、．") or str(counter)
        if not re.fullmatch(r"\d{1,3}", number):
            number = str(counter)
        parts = []
        for key, label in (("lead", "牵头单位"), ("cooperating", "配合单位"), ("deadline", "完成时限")):
            value = _get(row, table.columns.get(key))
            if value:
                parts.append(f"{label}：{value}")
        bracket = f"（{'；'.join(parts)}）" if parts else ""
        lines.append(f"{number}.{text.rstrip('。')}。{bracket}")
    return lines


def xlsx_plan_text(content: bytes) -> str:
    """Every sheet that holds a task table, as plan text (a section per sheet)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    out = []
    for ws in wb.worksheets:
        table = table_of([list(r) for r in ws.iter_rows(values_only=True)])
        if table is None:
            continue
        out.append(table.title or ws.title)
        out.append(f"{'一二三四五六七八九十'[min(len(out) // 2, 9)]}、{ws.title}")
        out.extend(as_plan_lines(table))
    return "\n".join(out)


def docx_plan_text(content: bytes) -> str:
    """A .docx in reading order: its paragraphs, and each task table written as plan lines."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(content))
    out = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(block, doc).text)
        elif tag == "tbl":
            table = Table(block, doc)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            parsed = table_of(rows)
            if parsed is None:
                out.extend("  ".join(r) for r in rows)
            else:
                out.extend(as_plan_lines(parsed))
    return "\n".join(out)
