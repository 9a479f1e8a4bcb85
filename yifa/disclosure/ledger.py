"""Importing a unit's ledger of requests (UTF-8 CSV with or without BOM, or .xlsx). Every row is checked
first; a bad row is reported with its line number, the column and the rule, and then nothing is written.
The rows that pass are written together (``create_many``: one audit event on the import job with the file's
SM3 hash and row count); the open ones start their reply clocks. The staff page queues the import for the
task worker (``yifa.core.imports``) and shows its progress; the CLI runs the same import at once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from yifa.core.errors import YifaError
from yifa.core.models import Unit
from yifa.core.procedure import create_many

from . import rules
from .flows import FLOW
from .models import ApplicantKind, Channel, Outcome, Request, RequestState
from .numbering import lookup_codes, reserve_numbers
from .similarity import applicant_key

COLUMNS = ["收到日期", "申请人类型", "申请人", "申请内容", "办理结果", "答复日期"]
KINDS = {label: value for value, label in ApplicantKind.choices}
OUTCOMES = {label: value for value, label in Outcome.choices}
MAX_ROWS = 20000
RUN = "yifa.disclosure.ledger.run"  # what the task worker calls (yifa.core.imports)
LABEL = "导入政府信息公开申请台账"
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class LedgerError(YifaError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:20] + ([f"……另有{len(problems) - 20}处错误"] if len(problems) > 20 else [])
        super().__init__("台账未导入（一行也未写入），请改正后重新导入：\n" + "\n".join(shown), field="file")


@dataclass
class Row:
    line: int
    received_on: dt.date
    kind: str
    name: str
    content: str
    outcome: str
    replied_on: dt.date | None


def _cells(content: bytes, name: str) -> list[list]:
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception:  # openpyxl raises many kinds for a file that is not a workbook
            raise LedgerError(["文件不是有效的 .xlsx 工作簿"]) from None
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LedgerError(["CSV 文件须为 UTF-8 编码"]) from None
    return list(csv.reader(io.StringIO(text)))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value, line: int, column: str, problems: list[str]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    match = _DATE.match(text)
    try:
        if match:
            return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        pass
    problems.append(f"第{line}行：{column}“{text}”不是有效日期（格式如2025-03-01）")
    return None


def parse(content: bytes, name: str, *, today: dt.date, progress=None) -> list[Row]:
    """Every row checked; ``progress(done, total)`` as the rows are read."""
    cells = _cells(content, name)
    while cells and not any(_text(c) for c in cells[-1]):
        cells.pop()
    if not cells:
        raise LedgerError(["文件为空，第1行须为表头：" + "、".join(COLUMNS)])
    header = [_text(c) for c in cells[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise LedgerError([f"第1行表头缺少列：{'、'.join(missing)}（须有{'、'.join(COLUMNS)}）"])
    if len(cells) - 1 > MAX_ROWS:
        raise LedgerError([f"一次最多导入{MAX_ROWS}行"])
    at = {c: header.index(c) for c in COLUMNS}
    rows, problems = [], []
    total = len(cells) - 1
    for line, raw in enumerate(cells[1:], start=2):
        if progress:
            progress(line - 1, total)
        if not any(_text(c) for c in raw):
            continue
        raw = list(raw) + [None] * (len(header) - len(raw))
        got = {c: raw[at[c]] for c in COLUMNS}
        before = len(problems)
        received = _date(got["收到日期"], line, "收到日期", problems)
        replied = _date(got["答复日期"], line, "答复日期", problems)
        if received is None and len(problems) == before:
            problems.append(f"第{line}行：收到日期必须填写（{rules.RECEIPT.citation}）")
        kind = _text(got["申请人类型"])
        if kind not in KINDS:
            problems.append(
                f"第{line}行：申请人类型“{kind}”须为{'、'.join(KINDS)}之一（{rules.REPORT_CONTENT.citation}）"
            )
        name_ = _text(got["申请人"])
        if not name_:
            problems.append(f"第{line}行：申请人必须填写（{rules.APPLICANTS.citation}）")
        text = _text(got["申请内容"])
        if not text:
            problems.append(f"第{line}行：申请内容必须填写（{rules.APPLICANTS.citation}）")
        outcome = _text(got["办理结果"])
        if outcome and outcome not in OUTCOMES:
            problems.append(
                f"第{line}行：办理结果“{outcome}”不是年度报告所列的办理结果（{rules.REPORT_CONTENT.citation}），"
                "办理中的申请留空"
            )
        if outcome and replied is None and _text(got["答复日期"]) == "":
            problems.append(
                f"第{line}行：答复日期必须填写，办理结果为“{outcome}”的申请已答复（{rules.REPORT_CONTENT.citation}："
                "按答复日期计入当年办理结果）"
            )
        if replied and not outcome:
            problems.append(
                f"第{line}行：办理结果必须填写，有答复日期的申请已办结（{rules.REPORT_CONTENT.citation}），"
                "办理中的申请答复日期留空"
            )
        if received and replied and replied < received:
            problems.append(
                f"第{line}行：答复日期{replied}早于收到日期{received}（{rules.REPLY.citation}：答复期限自收到申请之日起算）"
            )
        for column, day in (("收到日期", received), ("答复日期", replied)):
            if day and day > today:
                problems.append(f"第{line}行：{column}{day}晚于今天，台账只记已发生的收到和答复")
        if len(problems) == before:
            rows.append(Row(line, received, KINDS[kind], name_, text, OUTCOMES.get(outcome, ""), replied))
    if problems:
        raise LedgerError(problems)
    if not rows:
        raise LedgerError(["文件只有表头，没有可导入的行"])
    return rows


def _values(unit, rows: list[Row], numbers: list[str], codes: list[str]) -> list[dict]:
    return [
        {
            "unit": unit,
            "number": number,
            "lookup_code": code,
            "channel": Channel.LEDGER,
            "submitted_on": row.received_on,
            "received_on": row.received_on,
            "state": RequestState.CLOSED if row.outcome else RequestState.OPEN,
            "applicant_kind": row.kind,
            "applicant_name": row.name,
            "applicant_key": applicant_key(name=row.name),
            "content": row.content,
            "outcome": row.outcome,
            "replied_on": row.replied_on,
            "public_summary": "",
            "imported": True,
        }
        for row, number, code in zip(rows, numbers, codes)
    ]


def write(*, by, unit, rows: list[Row], job) -> int:
    """Every row or none, in one transaction: numbers reserved per year of receipt, bulk inserts, the open
    requests' reply clocks, and one audit event on ``job`` (the import itself)."""
    rows = sorted(rows, key=lambda r: (r.received_on, r.line))
    with transaction.atomic():
        numbers = []
        for year in sorted({r.received_on.year for r in rows}):
            numbers += reserve_numbers(unit, year, sum(1 for r in rows if r.received_on.year == year))
        written = create_many(
            FLOW,
            "import",
            model=Request,
            rows=_values(unit, rows, numbers, lookup_codes(len(rows))),
            by=by,
            subject=job,
            data={"file": job.file_name, "sm3": job.sm3, "unit": unit.name, "open": sum(not r.outcome for r in rows)},
        )
    return len(written)


def run(*, job, progress) -> int:
    """The task worker's import of an uploaded ledger (``yifa.core.imports``); ``job.options["unit"]``: the
    行政机关 the requests belong to."""
    unit = Unit.objects.get(pk=job.options["unit"])
    rows = parse(bytes(job.content), job.file_name, today=timezone.localdate(), progress=progress.validating)
    progress.writing(len(rows))
    return write(by=job.created_by, unit=unit, rows=rows, job=job)
