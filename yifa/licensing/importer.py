"""Excel imports of the item list: the higher level's list (the bound), and the city's own list checked
row by row against it and against the law. Preview first; a file with any bad row writes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from yifa.core.access import visible_unit_ids
from yifa.core.errors import YifaError
from yifa.core.models import Unit
from yifa.core.procedure import LEGAL_OFFICE, add, create
from yifa.lib.office import xlsx_rows

from . import guards, rules
from .flows import ITEMS
from .models import Handling, HigherItem, HigherListImport, Item
from .promise import standard_text

HIGHER_COLUMNS = {
    "code": ("事项编码",),
    "name": ("事项名称",),
    "basis": ("设定依据",),
    "department": ("主管部门",),
}
ITEM_COLUMNS = {
    **HIGHER_COLUMNS,
    "unit": ("实施机关",),
    "conditions": ("许可条件", "受理条件"),
    "materials": ("申请材料",),
    "fee_standard": ("收费标准",),
    "fee_basis": ("收费依据",),
    "statutory_days": ("法定办结时限", "法定时限"),
    "promised_days": ("承诺办结时限", "承诺时限"),
    "handling": ("办理方式",),
    "validity_years": ("证件有效期（年）", "证件有效期(年)", "有效期（年）"),
    "promise_allowed": ("告知承诺", "可告知承诺"),
    "promise_text": ("告知承诺书", "承诺书"),
}
YES, NO = {"是", "可以", "实行", "Y", "y", "1"}, {"否", "不实行", "N", "n", "0", ""}
REQUIRED_HIGHER = ("code", "name", "basis")
REQUIRED_ITEM = ("code", "name", "basis", "unit", "conditions", "materials", "statutory_days", "promised_days")
HANDLING_BY_LABEL = {label: value for value, label in Handling.choices} | {
    "联合办理": Handling.JOINT,
    "下级初审": Handling.PRELIMINARY,
    "": Handling.SINGLE,
}


@dataclass
class Row:
    line: int
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _table(content: bytes, columns: dict, required: tuple) -> list[tuple[int, dict]]:
    try:
        headers, raw = xlsx_rows(content)
    except Exception:
        raise YifaError("无法读取该文件，请上传 .xlsx 格式的清单", field="file") from None
    index = {key: headers.index(name) for key, names in columns.items() for name in names if name in headers}
    missing = [columns[k][0] for k in required if k not in index]
    if missing:
        raise YifaError(f"清单缺少列：{'、'.join(missing)}", field="file")
    table = []
    for line, values in enumerate(raw, start=2):
        table.append(
            (
                line,
                {
                    k: str(values[i]).strip() if i < len(values) and values[i] is not None else ""
                    for k, i in index.items()
                },
            )
        )
    return table


def _days(text: str, label: str, row: Row):
    if not text:
        return None
    try:
        return int(float(text.removesuffix("个工作日").removesuffix("工作日").removesuffix("日")))
    except ValueError:
        row.errors.append(f"{label}“{text}”应为工作日数")
        return None


def parse_higher(content: bytes) -> list[Row]:
    rows, seen = [], set()
    for line, values in _table(content, HIGHER_COLUMNS, REQUIRED_HIGHER):
        row = Row(line, values)
        for key in REQUIRED_HIGHER:
            if not values.get(key):
                row.errors.append(f"{HIGHER_COLUMNS[key][0]}为空")
        if values.get("code") in seen:
            row.errors.append(f"事项编码“{values['code']}”在本表中重复")
        seen.add(values.get("code"))
        rows.append(row)
    return rows


def commit_higher(*, by, rows: list[Row], file_name: str = "") -> HigherListImport:
    if any(r.errors for r in rows):
        raise YifaError("清单中有错误行，请改正后再导入（一行也不会写入）", field="file")
    today = timezone.localdate()

    def replace(record):
        HigherItem.objects.all().delete()
        HigherItem.objects.bulk_create(
            HigherItem(
                code=r.values["code"],
                name=r.values["name"],
                basis=r.values["basis"],
                department=r.values.get("department", ""),
                imported_on=today,
            )
            for r in rows
        )

    record = HigherListImport(imported_on=today, file_name=file_name[:200], rows=len(rows), by=by)
    return add(
        record,
        by=by,
        who=LEGAL_OFFICE,
        action="licensing.higher_list_import",
        label="导入上级行政许可事项清单",
        data={"rows": len(rows), "file": file_name[:200]},
        after=replace,
    )


def _unit(name: str, allowed):
    unit = Unit.objects.filter(Q(name=name) | Q(short_name=name)).order_by("path").first()
    if unit is None:
        return None, f"实施机关“{name}”不在单位名录中"
    if allowed is not None and unit.pk not in allowed:
        return None, f"无权为{unit.name}导入事项"
    return unit, None


def parse_items(*, by, content: bytes) -> list[Row]:
    table = _table(content, ITEM_COLUMNS, REQUIRED_ITEM)
    higher = {h.code: h for h in HigherItem.objects.all()}
    if not higher:
        raise YifaError(
            f"尚未导入上级行政许可事项清单，无法核对本级清单（{rules.LIST_INHERITANCE.citation}）", field="file"
        )
    existing = set(Item.objects.filter(code__in=[v.get("code") for _, v in table]).values_list("code", flat=True))
    allowed = visible_unit_ids(by)
    rows, seen = [], set()
    for line, values in table:
        row = Row(line)
        for key in REQUIRED_ITEM:
            if not values.get(key):
                row.errors.append(f"{ITEM_COLUMNS[key][0]}为空")
        code, name, basis = values.get("code", ""), values.get("name", ""), values.get("basis", "")
        if code in seen:
            row.errors.append(f"事项编码“{code}”在本表中重复")
        elif code in existing:
            row.errors.append(f"事项编码“{code}”已在本级清单中")
        seen.add(code)
        if code and name:
            row.errors.extend(guards.higher_problems(code, name, basis, higher))
        unit, problem = _unit(values["unit"], allowed) if values.get("unit") else (None, None)
        if problem:
            row.errors.append(problem)
        fee_problem = guards.fee_problem(values.get("fee_standard", ""), values.get("fee_basis", ""))
        if fee_problem:
            row.errors.append(fee_problem)
        handling = HANDLING_BY_LABEL.get(values.get("handling", ""))
        if handling is None:
            row.errors.append(f"办理方式“{values['handling']}”应为“本机关办理”“联合办理”或“下级初审”")
        statutory = _days(values.get("statutory_days", ""), "法定办结时限", row)
        promised = _days(values.get("promised_days", ""), "承诺办结时限", row)
        if handling and values.get("statutory_days") and values.get("promised_days") and statutory and promised:
            row.errors.extend(guards.time_problems(handling, statutory, promised))
        years = values.get("validity_years", "")
        if years and not years.removesuffix("年").isdigit():
            row.errors.append(f"证件有效期“{years}”应为年数，长期有效的留空")
        promise = values.get("promise_allowed", "")
        if promise not in YES | NO:
            row.errors.append(f"告知承诺“{promise}”应为“是”或“否”")
        promise_text = values.get("promise_text", "")
        if promise in YES and not promise_text:
            promise_text = standard_text(
                name=name, conditions=values.get("conditions", ""), materials=values.get("materials", "")
            )
        row.values = {
            "code": code,
            "name": name,
            "unit": unit,
            "department": values.get("department", ""),
            "basis": basis,
            "conditions": values.get("conditions", ""),
            "materials": values.get("materials", "").replace("；", "\n"),
            "fee_standard": values.get("fee_standard", ""),
            "fee_basis": values.get("fee_basis", ""),
            "statutory_days": statutory,
            "promised_days": promised,
            "handling": handling or Handling.SINGLE,
            "validity_years": int(years.removesuffix("年")) if years.removesuffix("年").isdigit() else None,
            "promise_allowed": promise in YES,
            "promise_text": promise_text if promise in YES else "",
        }
        row.errors = [f"第{line}行：{e}" for e in row.errors]
        rows.append(row)
    return rows


def commit_items(*, by, rows: list[Row]) -> list[Item]:
    """Every row, or none: one item (and its event) per row, as a draft to be published."""
    if any(r.errors for r in rows):
        raise YifaError("清单中有错误行，请改正后再导入（一行也不会写入）", field="file")
    with transaction.atomic():
        return [create(ITEMS, "import", build=lambda row=row: Item(**row.values), by=by, line=row.line) for row in rows]


def differences() -> dict:
    """The city's list against the higher one: items beyond it, items that differ, items not adopted."""
    higher = {h.code: h for h in HigherItem.objects.all()}
    items = list(Item.objects.select_related("unit"))
    beyond = [i for i in items if i.code not in higher]
    differ = [
        (i, higher[i.code])
        for i in items
        if i.code in higher and guards.higher_problems(i.code, i.name, i.basis, higher)
    ]
    adopted = {i.code for i in items}
    return {
        "beyond": beyond,
        "differ": differ,
        "not_adopted": [h for code, h in sorted(higher.items()) if code not in adopted],
        "higher_count": len(higher),
    }


def difference_rows(diff: dict) -> tuple[list[str], list[list]]:
    """The three lists of ``differences`` as one table, in the page's order: a header and a row per item."""
    head = ["差异", "事项编码", "本级事项名称", "实施机关", "上级事项名称", "上级设定依据"]
    rows = [["超出上级清单", i.code, i.name, i.unit.name, "", ""] for i in diff["beyond"]]
    rows += [["名称或设定依据不一致", i.code, i.name, i.unit.name, h.name, h.basis] for i, h in diff["differ"]]
    rows += [["本级尚未列入", h.code, "", "", h.name, h.basis] for h in diff["not_adopted"]]
    return head, rows
