"""导入各单位已有的规范性文件目录（.xlsx，或 UTF-8/GB18030 编码的 CSV）：先预览，逐行报错，
确认后由后台任务整批写入（一条审计事件）。"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from yifa.core.tables import Column, Row, TableImport, UnitNames, created

from . import rules
from .flows import DOCUMENTS
from .models import NUMBER_PATTERN, PUBLISHED_STATUSES, DocStatus, Document

COLUMNS = (
    Column("title", "文件名称", "标题", "名称", required=True),
    Column("number", "文号", required=True),
    Column("unit", "制定机关", "发文机关", "制定单位", required=True),
    Column("published_on", "公布日期", "发布日期", "印发日期", required=True),
    Column("effective_on", "施行日期", "生效日期"),
    Column("valid_years", "有效期（年）", "有效期(年)", "有效期"),
    Column("status", "状态", "效力状态"),
    Column("full_text", "全文", "正文"),
)
STATUS_BY_LABEL = {DocStatus(s).label: s for s in PUBLISHED_STATUSES} | {
    "有效": DocStatus.IN_FORCE,
    "失效": DocStatus.EXPIRED,
    "废止": DocStatus.REPEALED,
}


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


def _check(row: Row, cells: dict, units: UnitNames) -> None:
    get = cells.get
    title, number = str(get("title") or "").strip(), str(get("number") or "").strip()
    unit_name = str(get("unit") or "").strip()
    if not title:
        row.errors.append("文件名称为空")
    if not NUMBER_PATTERN.match(number):
        row.errors.append(f"文号“{number}”格式不正确，应如“江民发〔2022〕3号”")
    unit, problem = units.find(unit_name, column="制定机关", what="文件") if unit_name else (None, "制定机关为空")
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


def _mark_duplicates(rows: list[Row], units: UnitNames) -> None:
    """文号 repeated in the file, or already registered for that unit: one query for the units named."""
    unit_ids = {r.values["unit"].pk for r in rows if r.values["unit"]}
    taken = set(
        Document.objects.filter(unit_id__in=unit_ids).exclude(number="").values_list("unit_id", "number").iterator()
    )
    seen = set()
    for row in rows:
        unit, number = row.values["unit"], row.values["number"]
        if unit and number:
            if (unit.pk, number) in seen:
                row.errors.append(f"文号“{number}”在本表中重复")
            elif (unit.pk, number) in taken:
                row.errors.append(f"文号“{number}”在{unit.name}已登记")
            seen.add((unit.pk, number))


def _imported(by, values: dict) -> dict:
    return {
        **values,
        "created_by": by,
        "signed_on": values["published_on"],
        "expires_on": Document.computed_expiry(SimpleNamespace(**values)),  # the model's rule, no instance
        "involves_business": False,
    }


def _write(rows: list[Row], *, job, by, refs) -> int:
    """Bulk writes and one audit event on the import job (file's SM3 hash, row count)."""
    return created(DOCUMENTS, Document, [_imported(by, r.values) for r in rows], rows, job=job, by=by)


CATALOGUE = TableImport(
    what="目录",
    columns=COLUMNS,
    prepare=lambda *, by, options: UnitNames(by),
    check=_check,
    across=_mark_duplicates,
    write=_write,
)


def parse(*, by, content: bytes, progress=None) -> list[Row]:
    """Every row checked before anything is written: a few queries for the whole file, none per row."""
    return CATALOGUE.preview(content=content, by=by, progress=progress)


def commit(*, by, rows: list[Row], job) -> int:
    """Every row, or none (``rows`` from ``parse``)."""
    return CATALOGUE.commit(rows, job=job, by=by)


run = CATALOGUE.run  # the task worker's import of an uploaded catalogue (``yifa.core.imports``)
