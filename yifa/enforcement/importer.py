"""Import of a 裁量基准 table from Excel (处罚法第三十四条). Every row is checked before anything is written;
the first error names its row and the rule, and nothing is saved."""

from __future__ import annotations

from django.db import transaction

from yifa.core.errors import InvalidInput, YifaError
from yifa.core.imports import new_job
from yifa.core.models import Role
from yifa.core.procedure import add_many, with_role
from yifa.lib.office import ZIP_MAGIC, TableUnreadable, xlsx_rows

from . import rules
from .models import Benchmark, Degree
from .services import money

COLUMNS = ["基准编码", "违法行为", "违法情节", "裁量阶次", "罚款下限（元）", "罚款上限（元）", "法律依据"]
DEGREES = {label: value for value, label in Degree.choices}
RUN = "yifa.enforcement.importer.import_benchmarks"  # the import record's kind (run at once, in the request)
drafter = with_role(Role.LIAISON, Role.HEAD, Role.ENFORCEMENT, label="本机关联络员、负责人或执法人员")


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def parse(content: bytes) -> list[dict]:
    try:
        if not content.startswith(ZIP_MAGIC):
            raise TableUnreadable
        header, table = xlsx_rows(content, blank=True)
    except Exception:  # a damaged workbook raises many kinds
        raise YifaError("裁量基准表：不是有效的 .xlsx 文件", field="file") from None
    rows = iter(table)
    header = header[: len(COLUMNS)]
    if header != COLUMNS:
        raise YifaError("裁量基准表：第1行须为表头 " + "、".join(COLUMNS), field="file")
    found, problems, seen = [], [], {}
    for number, values in enumerate(rows, start=2):
        cells = [_cell(v) for v in (*values, *[None] * len(COLUMNS))][: len(COLUMNS)]
        if not any(cells):
            continue
        code, violation, circumstance, degree, low, high, basis = cells
        where = f"第{number}行"
        lo, hi = money(low), money(high)
        if not code or not violation or not circumstance:
            problems.append(f"{where}：基准编码、违法行为、违法情节必须填写")
        elif degree not in DEGREES:
            problems.append(f"{where}：裁量阶次须为" + "、".join(DEGREES) + "之一")
        elif lo is None or hi is None:
            problems.append(f"{where}：罚款上下限须为不小于0的金额")
        elif lo > hi:
            problems.append(
                f"{where}：罚款下限{lo}元高于上限{hi}元（{rules.BENCHMARK.citation}：基准须在法定幅度内细化）"
            )
        elif (code, degree) in seen:
            problems.append(f"{where}：基准编码{code}的“{degree}”阶次与第{seen[code, degree]}行重复")
        elif not basis:
            problems.append(f"{where}：法律依据必须填写（{rules.BENCHMARK.citation}：依法制定裁量基准）")
        else:
            seen[code, degree] = number
            found.append(
                {
                    "code": code,
                    "violation": violation,
                    "circumstance": circumstance,
                    "degree": DEGREES[degree],
                    "fine_min": lo,
                    "fine_max": hi,
                    "legal_basis": basis,
                    "row": number,
                }
            )
    if problems:
        raise InvalidInput({"file": "；".join(problems)})
    if not found:
        raise YifaError("裁量基准表：没有数据行", field="file")
    return found


def import_benchmarks(*, by, unit, content: bytes, file_name: str = "") -> int:
    """A new edition of each code: earlier editions stay as they were (versioned, 第三十四条). Every row is
    checked first; then all are written at once with one audit event on the import (the file's SM3 hash and
    row count), on the import's record (``core.imports``)."""
    if unit is None:
        raise YifaError("您没有所在单位，不能导入裁量基准", field="file")
    rows = parse(content)
    with transaction.atomic():
        editions = {}
        existing = Benchmark.objects.filter(unit=unit, code__in={r["code"] for r in rows})
        for code, degree, edition in existing.values_list("code", "degree", "edition"):
            editions[code, degree] = max(edition, editions.get((code, degree), 0))
        for row in rows:
            row.pop("row")
            row["unit"], row["edition"] = unit, editions.get((row["code"], row["degree"]), 0) + 1
        job = new_job(RUN, label="导入裁量基准", by=by, file_name=file_name, content=content)
        add_many(
            Benchmark,
            rows,
            by=by,
            who=drafter,
            action="enforcement.benchmark_import",
            label="导入裁量基准",
            subject=job,
            data={"file": job.file_name, "sm3": job.sm3},
            unit=unit,
        )
    return len(rows)
