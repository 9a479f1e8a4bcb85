"""Excel/CSV imports of the item list: the higher level's list (the bound), and the city's own list checked
row by row against it and against the law. Preview first; a file with any bad row writes nothing; a clean one
is written by the task worker in one transaction with one audit event (``yifa.core.tables``)."""

from __future__ import annotations

from django.utils import timezone

from yifa.core.bulk import insert_rows
from yifa.core.errors import YifaError
from yifa.core.imports import file_sm3, new_job
from yifa.core.procedure import LEGAL_OFFICE, add
from yifa.core.tables import Column, Row, TableImport, UnitNames, created, text

from . import guards, rules
from .flows import ITEMS
from .models import Handling, HigherItem, HigherListImport, Item
from .promise import standard_text

HIGHER_COLUMNS = (
    Column("code", "事项编码", required=True),
    Column("name", "事项名称", required=True),
    Column("basis", "设定依据", required=True),
    Column("department", "主管部门"),
)
ITEM_COLUMNS = (
    *HIGHER_COLUMNS,
    Column("unit", "实施机关", required=True),
    Column("conditions", "许可条件", "受理条件", required=True),
    Column("materials", "申请材料", required=True),
    Column("fee_standard", "收费标准"),
    Column("fee_basis", "收费依据"),
    Column("statutory_days", "法定办结时限", "法定时限", required=True),
    Column("promised_days", "承诺办结时限", "承诺时限", required=True),
    Column("handling", "办理方式"),
    Column("validity_years", "证件有效期（年）", "证件有效期(年)", "有效期（年）"),
    Column("promise_allowed", "告知承诺", "可告知承诺"),
    Column("promise_text", "告知承诺书", "承诺书"),
)
HEADER_OF = {c.key: c.header for c in ITEM_COLUMNS}
YES, NO = {"是", "可以", "实行", "Y", "y", "1"}, {"否", "不实行", "N", "n", "0", ""}
HANDLING_BY_LABEL = {label: value for value, label in Handling.choices} | {
    "联合办理": Handling.JOINT,
    "下级初审": Handling.PRELIMINARY,
    "": Handling.SINGLE,
}
RUN_ITEMS = "yifa.licensing.importer.run_items"  # what the task worker calls (yifa.core.imports)
RUN_HIGHER = "yifa.licensing.importer.run_higher"


def _texts(cells: dict) -> dict[str, str]:
    return {k: text(v) for k, v in cells.items()}


def _required(row: Row, values: dict, columns) -> None:
    for column in columns:
        if column.required and not values.get(column.key):
            row.errors.append(f"{column.header}为空")


def _days(value: str, label: str, row: Row):
    if not value:
        return None
    try:
        return int(float(value.removesuffix("个工作日").removesuffix("工作日").removesuffix("日")))
    except ValueError:
        row.errors.append(f"{label}“{value}”应为工作日数")
        return None


def _check_higher(row: Row, cells: dict, seen: set) -> None:
    values = row.values = _texts(cells)
    _required(row, values, HIGHER_COLUMNS)
    if values["code"] in seen:
        row.errors.append(f"事项编码“{values['code']}”在本表中重复")
    seen.add(values["code"])


def _replace_higher(rows: list[Row], *, by, file_name: str, sm3: str = "") -> HigherListImport:
    today = timezone.localdate()

    def replace(record):
        HigherItem.objects.all().delete()
        insert_rows(HigherItem, [{**r.values, "imported_on": today} for r in rows])

    record = HigherListImport(imported_on=today, file_name=file_name[:200], rows=len(rows), by=by)
    return add(
        record,
        by=by,
        who=LEGAL_OFFICE,
        action="licensing.higher_list_import",
        label="导入上级行政许可事项清单",
        data={"rows": len(rows), "file": file_name[:200], "sm3": sm3},
        after=replace,
    )


HIGHER_LIST = TableImport(
    what="上级清单",
    columns=HIGHER_COLUMNS,
    prepare=lambda **_: set(),
    check=_check_higher,
    write=lambda rows, *, job, by, refs: _replace_higher(rows, by=by, file_name=job.file_name, sm3=job.sm3).rows,
)


class ItemRefs:
    """What the rows are checked against, read once: the higher list, the codes already listed, the units."""

    def __init__(self, by):
        self.higher = {h.code: h for h in HigherItem.objects.all()}
        if not self.higher:
            raise YifaError(
                f"尚未导入上级行政许可事项清单，无法核对本级清单（{rules.LIST_INHERITANCE.citation}）", field="file"
            )
        self.existing = set(Item.objects.values_list("code", flat=True).iterator())
        self.units = UnitNames(by)
        self.seen: set[str] = set()


def _check_item(row: Row, cells: dict, refs: ItemRefs) -> None:
    values = _texts(cells)
    _required(row, values, ITEM_COLUMNS)
    code, name, basis = values["code"], values["name"], values["basis"]
    if code in refs.seen:
        row.errors.append(f"事项编码“{code}”在本表中重复")
    elif code in refs.existing:
        row.errors.append(f"事项编码“{code}”已在本级清单中")
    refs.seen.add(code)
    if code and name:
        row.errors.extend(guards.higher_problems(code, name, basis, refs.higher))
    unit = None
    if values["unit"]:
        unit, problem = refs.units.find(values["unit"], column="实施机关", what="事项")
        if problem:
            row.errors.append(problem)
    fee_problem = guards.fee_problem(values["fee_standard"], values["fee_basis"])
    if fee_problem:
        row.errors.append(fee_problem)
    handling = HANDLING_BY_LABEL.get(values["handling"])
    if handling is None:
        row.errors.append(f"办理方式“{values['handling']}”应为“本机关办理”“联合办理”或“下级初审”")
    statutory = _days(values["statutory_days"], "法定办结时限", row)
    promised = _days(values["promised_days"], "承诺办结时限", row)
    if handling and statutory and promised:
        row.errors.extend(guards.time_problems(handling, statutory, promised))
    years = values["validity_years"].removesuffix("年")
    if years and not years.isdigit():
        row.errors.append(f"证件有效期“{values['validity_years']}”应为年数，长期有效的留空")
    promise = values["promise_allowed"]
    if promise not in YES | NO:
        row.errors.append(f"告知承诺“{promise}”应为“是”或“否”")
    promise_text = values["promise_text"]
    if promise in YES and not promise_text:
        promise_text = standard_text(name=name, conditions=values["conditions"], materials=values["materials"])
    row.values = {
        "code": code,
        "name": name,
        "unit": unit,
        "department": values["department"],
        "basis": basis,
        "conditions": values["conditions"],
        "materials": values["materials"].replace("；", "\n"),
        "fee_standard": values["fee_standard"],
        "fee_basis": values["fee_basis"],
        "statutory_days": statutory,
        "promised_days": promised,
        "handling": handling or Handling.SINGLE,
        "validity_years": int(years) if years.isdigit() else None,
        "promise_allowed": promise in YES,
        "promise_text": promise_text if promise in YES else "",
    }


def _write_items(rows: list[Row], *, job, by, refs) -> int:
    """Every item as a draft to be published: bulk inserts, one audit event on the import job."""
    return created(ITEMS, Item, [dict(r.values) for r in rows], rows, job=job, by=by)


ITEM_LIST = TableImport(
    what="清单",
    columns=ITEM_COLUMNS,
    prepare=lambda *, by, options: ItemRefs(by),
    check=_check_item,
    write=_write_items,
)
run_items, run_higher = ITEM_LIST.run, HIGHER_LIST.run


def parse_higher(content: bytes) -> list[Row]:
    return HIGHER_LIST.preview(content=content, by=None)


def commit_higher(*, by, rows: list[Row], file_name: str = "", content: bytes = b"") -> HigherListImport:
    """The whole higher list replaced at once (``rows`` from ``parse_higher``), with one audit event."""
    HIGHER_LIST.refuse_if_wrong(rows)
    return _replace_higher(rows, by=by, file_name=file_name, sm3=file_sm3(content) if content else "")


def parse_items(*, by, content: bytes) -> list[Row]:
    return ITEM_LIST.preview(content=content, by=by)


def commit_items(*, by, rows: list[Row], content: bytes = b"", file_name: str = "") -> list[Item]:
    """Every row, or none, at once (``rows`` from ``parse_items``), as the task worker writes them; returns the
    items (for the demo and the tests: the page's import runs in the worker and reads no rows back)."""
    ITEM_LIST.refuse_if_wrong(rows)
    job = new_job(RUN_ITEMS, label="导入行政许可事项清单", by=by, file_name=file_name, content=content)
    ITEM_LIST.commit(rows, job=job, by=by)
    return list(Item.objects.filter(code__in=[r.values["code"] for r in rows]).order_by("pk"))


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
