"""导入各单位已有的规范性文件目录（.xlsx）：先预览，逐行报错，确认后写入。"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from yifa.core.access import visible_unit_ids
from yifa.core.errors import YifaError
from yifa.core.models import Unit
from yifa.core.procedure import create
from yifa.lib.office import xlsx_rows

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


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip().replace("/", "-").replace(".", "-")
    for pattern in ("%Y-%m-%d", "%Y年%m月%d日"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _unit(name: str, allowed):
    unit = Unit.objects.filter(Q(name=name) | Q(short_name=name)).order_by("path").first()
    if unit is None:
        return None, f"制定机关“{name}”不在单位名录中"
    if allowed is not None and unit.pk not in allowed:
        return None, f"无权为{unit.name}导入文件"
    return unit, None


def parse(*, by, content: bytes) -> list[Row]:
    try:
        headers, raw = xlsx_rows(content)
    except Exception:
        raise YifaError("无法读取该文件，请上传 .xlsx 格式的目录", field="file") from None
    index = {}
    for key, names in COLUMNS.items():
        for i, header in enumerate(headers):
            if header in names:
                index[key] = i
    missing = [COLUMNS[k][0] for k in ("title", "number", "unit", "published_on") if k not in index]
    if missing:
        raise YifaError(f"目录缺少列：{'、'.join(missing)}", field="file")
    allowed = visible_unit_ids(by)
    seen, rows = set(), []
    for line, values in enumerate(raw, start=2):
        if not any(v not in (None, "") for v in values):
            continue

        def get(key, values=values):
            return values[index[key]] if key in index and index[key] < len(values) else None

        row = Row(line)
        title, number = str(get("title") or "").strip(), str(get("number") or "").strip()
        unit_name = str(get("unit") or "").strip()
        if not title:
            row.errors.append("文件名称为空")
        if not NUMBER_PATTERN.match(number):
            row.errors.append(f"文号“{number}”格式不正确，应如“江民发〔2022〕3号”")
        unit, problem = _unit(unit_name, allowed) if unit_name else (None, "制定机关为空")
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
        if unit and number:
            if (unit.pk, number) in seen:
                row.errors.append(f"文号“{number}”在本表中重复")
            elif Document.objects.filter(unit=unit, number=number).exists():
                row.errors.append(f"文号“{number}”在{unit.name}已登记")
            seen.add((unit.pk, number))
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
        rows.append(row)
    return rows


def _imported(by, values: dict) -> Document:
    doc = Document(created_by=by, **values)
    doc.signed_on = doc.published_on
    doc.expires_on = doc.computed_expiry()
    doc.involves_business = False
    return doc


def commit(*, by, rows: list[Row]) -> list[Document]:
    """Every row, or none: one document (and its event) per row, in its recorded state."""
    if any(r.errors for r in rows):
        raise YifaError("目录中有错误行，请改正后再导入（一行也不会写入）", field="file")
    with transaction.atomic():
        return [
            create(DOCUMENTS, "import", build=lambda row=row: _imported(by, row.values), by=by, line=row.line)
            for row in rows
        ]
