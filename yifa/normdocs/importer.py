"""导入各单位已有的规范性文件目录（.xlsx，或 UTF-8/GB18030 编码的 CSV）：先预览，逐行报错，
确认后由后台任务整批写入（一条审计事件）。"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction

from yifa.core.access import visible_unit_ids
from yifa.core.errors import YifaError
from yifa.core.models import Unit
from yifa.core.procedure import create_many
from yifa.lib.office import TableUnreadable, table_rows

from . import rules
from .flows import DOCUMENTS
from .models import NUMBER_PATTERN, PUBLISHED_STATUSES, DocStatus, Document

COLUMNS = {
    "title": ("文件名称", "标题", "名称"),
    "number": ("文号",),
    "unit": ("制定机关", "发文机关", "制定单位"),
    "published_on": ("公布日期", "发布日期", "印发日期"),
    "effective_on": ("施行日期", "生效日期"),
    "valid_years": ("有效期（年）", "有效期(年)", "有效期"),
    "status": ("状态", "效力状态"),
    "full_text": ("全文", "正文"),
}
STATUS_BY_LABEL = {DocStatus(s).label: s for s in PUBLISHED_STATUSES} | {
    "有效": DocStatus.IN_FORCE,
    "失效": DocStatus.EXPIRED,
    "废止": DocStatus.REPEALED,
}


@dataclass
class Row:
    line: int
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


EXCEL_EPOCH = dt.date(1899, 12, 30)
DATE_TEXT = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 1 <= value < 2958466:  # a date cell written without a date format
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    found = DATE_TEXT.match(str(value or "").strip())
    if not found:
        return None
    try:
        return dt.date(*map(int, found.groups()))
    except ValueError:
        return None


class Units:
    """The unit register read once: a name or short name, as the old per-row query chose (first by path)."""

    def __init__(self, by):
        self.by_name: dict[str, Unit] = {}
        for unit in Unit.objects.only("pk", "name", "short_name", "path", "parent_id", "kind").order_by("path"):
            self.by_name.setdefault(unit.name, unit)
            if unit.short_name:
                self.by_name.setdefault(unit.short_name, unit)
        self.allowed = visible_unit_ids(by)

    def get(self, name: str):
        unit = self.by_name.get(name)
        if unit is None:
            return None, f"制定机关“{name}”不在单位名录中"
        if self.allowed is not None and unit.pk not in self.allowed:
            return None, f"无权为{unit.name}导入文件"
        return unit, None


def parse(*, by, content: bytes, progress=None) -> list[Row]:
    """Every row checked before anything is written: a few queries for the whole file, none per row."""
    try:
        headers, raw = table_rows(content)
    except TableUnreadable as exc:
        raise YifaError(
            f"无法读取该文件：{exc}。请上传 .xlsx 或 CSV（UTF-8/GB18030）格式的目录", field="file"
        ) from None
    index = {}
    for key, names in COLUMNS.items():
        for i, header in enumerate(headers):
            if header in names:
                index[key] = i
    missing = [COLUMNS[k][0] for k in ("title", "number", "unit", "published_on") if k not in index]
    if missing:
        raise YifaError(f"目录缺少列：{'、'.join(missing)}", field="file")
    units = Units(by)
    rows = [_row(line, values, index, units) for line, values in enumerate(raw, start=2)]
    _mark_duplicates(rows, progress)
    return rows


def _row(line, values, index, units) -> Row:
    def get(key):
        return values[index[key]] if key in index and index[key] < len(values) else None

    row = Row(line)
    title, number = str(get("title") or "").strip(), str(get("number") or "").strip()
    unit_name = str(get("unit") or "").strip()
    if not title:
        row.errors.append("文件名称为空")
    if not NUMBER_PATTERN.match(number):
        row.errors.append(f"文号“{number}”格式不正确，应如“江民发〔2022〕3号”")
    unit, problem = units.get(unit_name) if unit_name else (None, "制定机关为空")
    if problem:
        row.errors.append(problem)
    published = _date(get("published_on"))
    if not published:
        row.errors.append(f"公布日期“{get('published_on') or ''}”无法识别（应如2022-03-01）")
    effective = _date(get("effective_on")) if get("effective_on") else published
    years = get("valid_years")
    try:
        years = rules.VALIDITY_YEARS if years in (None, "") else int(str(years).rstrip("年"))
    except ValueError:
        row.errors.append(f"有效期“{years}”应为年数")
    status_label = str(get("status") or "现行有效").strip()
    status = STATUS_BY_LABEL.get(status_label)
    if status is None:
        row.errors.append(f"状态“{status_label}”无法识别")
    row.values = {
        "title": title,
        "number": number,
        "unit": unit,
        "published_on": published,
        "effective_on": effective,
        "valid_years": years,
        "status": status,
        "full_text": str(get("full_text") or ""),
    }
    return row


def _mark_duplicates(rows: list[Row], progress) -> None:
    """文号 repeated in the file, or already registered for that unit: one query for the units named."""
    unit_ids = {r.values["unit"].pk for r in rows if r.values["unit"]}
    taken = set(
        Document.objects.filter(unit_id__in=unit_ids).exclude(number="").values_list("unit_id", "number").iterator()
    )
    seen = set()
    for done, row in enumerate(rows, start=1):
        unit, number = row.values["unit"], row.values["number"]
        if unit and number:
            if (unit.pk, number) in seen:
                row.errors.append(f"文号“{number}”在本表中重复")
            elif (unit.pk, number) in taken:
                row.errors.append(f"文号“{number}”在{unit.name}已登记")
            seen.add((unit.pk, number))
        if progress:
            progress(done, len(rows))


def _imported(by, values: dict) -> dict:
    return {
        **values,
        "created_by": by,
        "signed_on": values["published_on"],
        "expires_on": Document.computed_expiry(SimpleNamespace(**values)),  # the model's rule, no instance
        "involves_business": False,
    }


def commit(*, by, rows: list[Row], job) -> list[dict]:
    """Every row, or none: bulk writes and one audit event on the import job (file's SM3 hash, row count)."""
    if any(r.errors for r in rows):
        raise YifaError("目录中有错误行，请改正后再导入（一行也不会写入）", field="file")
    return create_many(
        DOCUMENTS,
        "import",
        model=Document,
        rows=[_imported(by, r.values) for r in rows],
        by=by,
        subject=job,
        data={"file": job.file_name, "sm3": job.sm3, "lines": [rows[0].line, rows[-1].line] if rows else []},
    )


def run(*, job, progress) -> int:
    """The task worker's import of an uploaded catalogue (``yifa.core.imports``)."""
    rows = parse(by=job.created_by, content=bytes(job.content), progress=progress.validating)
    bad = [r for r in rows if r.errors]
    if bad:
        first = "；".join(f"第{r.line}行：{'，'.join(r.errors)}" for r in bad[:5])
        raise YifaError(f"目录中有{len(bad)}行错误，一行也未写入：{first}", field="file")
    progress.writing(len(rows))
    with transaction.atomic():
        return len(commit(by=job.created_by, rows=rows, job=job))
