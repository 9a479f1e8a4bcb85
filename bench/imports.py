"""Import rates, run by bench/measure.py after the pages, or alone:

    DATABASE_URL=... .venv/bin/python bench/imports.py --rows 100000 [--profile] [--only licensing]

Every table import (``yifa.core.tables`` and the others), each through exactly what the task worker runs: the
normative-document catalogue (.xlsx and GB18030 CSV), the licensing item list and the higher list, the
enforcement benchmark table, the disclosure ledger (at most its 20,000-row cap), and the largest plan a paste
accepts. Each is timed in three parts: reading the file, checking every row, writing all rows in one
transaction; ``--profile`` prints where the time goes."""

from __future__ import annotations

import datetime as dt
import os
import time

from openpyxl import Workbook

HEADERS = ["文件名称", "文号", "制定机关", "公布日期", "施行日期", "有效期（年）", "状态", "全文"]


def catalogue(rows: int, unit_names: list[str], offset: int = 0) -> bytes:
    import io

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("目录")
    ws.append(HEADERS)
    for i in range(offset, offset + rows):
        year = 2030 + (i // 9999) % 70
        ws.append(
            [
                f"江临市基准导入管理办法（第{i + 1}号）",
                f"江基发〔{year}〕{i % 9999 + 1}号",
                unit_names[(i // (9999 * 70)) % len(unit_names)],
                dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500),
                None,
                5,
                "现行有效",
                "",
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def plan_text(max_chars: int) -> str:
    lines, n, section = ["江临市基准测试依法行政工作计划", ""], 0, 0
    while sum(map(len, lines)) + len(lines) < max_chars - 2000:
        section += 1
        lines.append(f"{'一二三四五六七八九十'[section % 10]}、第{section}部分工作")
        for k in range(1, 21):
            n += 1
            lines.append(f"{k}. 完善第{n}项行政执法制度。（牵头单位：市民政局；完成时限：2026年6月底前）")
    return "\n".join(lines)


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def measure(rows: int, progress) -> dict:
    from django.db import transaction

    from yifa.core.imports import file_sm3
    from yifa.core.models import ImportJob, Unit, UnitKind, User
    from yifa.lib.office import xlsx_rows
    from yifa.normdocs import importer
    from yifa.normdocs.models import Document
    from yifa.plans import supervision
    from yifa.plans.supervision import MAX_PLAN_CHARS

    by = User.objects.get(username="reviewer")
    names = list(Unit.objects.filter(kind=UnitKind.DEPARTMENT).order_by("path").values_list("name", flat=True)[:5])
    out = {"catalogue_rows": rows}
    progress(f"  导入：生成 {rows} 行的规范性文件目录")
    content = catalogue(rows, names, offset=Document.objects.filter(title__startswith="江临市基准导入").count())
    out["catalogue_bytes"] = len(content)
    began = time.perf_counter()
    xlsx_rows(content)
    out["read_s"] = round(time.perf_counter() - began, 2)
    job = ImportJob.objects.create(
        kind="yifa.normdocs.importer.run",
        label="基准导入",
        file_name="基准.xlsx",
        sm3=file_sm3(content),
        content=content,
        created_by=by,
    )
    progress(f"  导入：规范性文件目录 {rows} 行（负载 {_load()}）")
    out["load_before"] = _load()
    began, cpu = time.perf_counter(), time.process_time()
    parsed = importer.parse(by=by, content=content)
    out["parse_s"] = round(time.perf_counter() - began, 2)
    out["parse_cpu_s"] = round(time.process_time() - cpu, 2)
    out["validate_s"] = round(out["parse_s"] - out["read_s"], 2)
    began, cpu = time.perf_counter(), time.process_time()
    with transaction.atomic():
        written = importer.commit(by=by, rows=parsed, job=job)
    out["write_s"] = round(time.perf_counter() - began, 2)
    out["write_cpu_s"] = round(time.process_time() - cpu, 2)
    out["written"] = written
    out["load_after"] = _load()
    body = out["validate_s"] + out["write_s"]
    out["rate_validate_write"] = round(rows / body) if body else None
    out["rate_end_to_end"] = round(rows / (out["parse_s"] + out["write_s"]))
    # CPU seconds of this process: what the import costs when the machine is not shared (on SQLite all of it;
    # on PostgreSQL the server's part is not counted).
    cpu_total = out["parse_cpu_s"] + out["write_cpu_s"]
    out["rate_cpu"] = round(rows / cpu_total) if cpu_total else None

    text = plan_text(MAX_PLAN_CHARS)
    progress(f"  导入：工作计划（{len(text)}字，负载 {_load()}）")
    began, cpu = time.perf_counter(), time.process_time()
    plan = supervision.plan_import(by=by, text=text, year=2026, title="基准导入计划")
    out["plan_s"] = round(time.perf_counter() - began, 2)
    out["plan_cpu_s"] = round(time.process_time() - cpu, 2)
    out["plan_tasks"] = plan.tasks.count()
    out["plan_rate"] = round(out["plan_tasks"] / out["plan_s"]) if out["plan_s"] else None
    out["plan_load"] = _load()
    out["tables"] = measure_tables(rows, progress)
    return out


def _csv(headers, rows, encoding="gb18030") -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([headers, *rows])
    return out.getvalue().encode(encoding)


def _timed(name: str, rows: int, content: bytes, table, *, by, write, profile=False, options=None) -> dict:
    """Read, check and write ``content`` through ``table`` (a ``TableImport``): each part's wall and CPU time."""
    import cProfile
    import pstats

    from django.db import transaction

    from yifa.lib.office import table_rows

    prof = cProfile.Profile() if profile else None
    out = {"name": name, "rows": rows, "bytes": len(content), "load_before": _load()}
    if prof:
        prof.enable()
    began = time.perf_counter()
    table_rows(content)
    out["read_s"] = round(time.perf_counter() - began, 2)
    began, cpu = time.perf_counter(), time.process_time()
    checked = table.preview(content=content, by=by, options=options)
    out["check_s"] = round(time.perf_counter() - began - out["read_s"], 2)
    bad = [r.errors for r in checked if r.errors][:3]
    assert not bad, bad
    began = time.perf_counter()
    with transaction.atomic():
        out["written"] = write(checked)
    out["write_s"] = round(time.perf_counter() - began, 2)
    out["cpu_s"] = round(time.process_time() - cpu, 2)
    if prof:
        prof.disable()
        print(f"--- {name}: where the time goes (tottime) ---")
        pstats.Stats(prof).sort_stats("tottime").print_stats(14)
    total = out["read_s"] + out["check_s"] + out["write_s"]
    out["total_s"] = round(total, 2)
    out["rate"] = round(rows / total) if total else None
    out["rate_cpu"] = round(rows / (out["cpu_s"] + out["read_s"])) if out["cpu_s"] else None
    out["load_after"] = _load()
    return out


def measure_tables(rows: int, progress, *, profile=False, only=None) -> list[dict]:
    from yifa.core.imports import new_job
    from yifa.core.models import Unit, UnitKind, User
    from yifa.enforcement import importer as benchmarks
    from yifa.licensing import importer as licensing
    from yifa.licensing.models import HigherItem
    from yifa.normdocs import importer as normdocs
    from yifa.normdocs.models import Document

    by = User.objects.get(username="reviewer")
    drafter = User.objects.get(username="shijian_liaison")  # a department's liaison: benchmarks and ledger
    stamp = f"{int(time.time()) % 100000:05d}"
    units = list(Unit.objects.filter(kind=UnitKind.DEPARTMENT).order_by("path")[:5])
    names = [u.name for u in units]
    found = []

    def job(content, name):
        return new_job("bench", label="基准导入", by=by, file_name=name, content=content)

    if only in (None, "normdocs"):
        offset = Document.objects.filter(title__startswith="江临市基准导入").count()
        for kind in ("xlsx", "csv"):
            progress(f"  导入：规范性文件目录 {rows} 行（{kind}，负载 {_load()}）")
            content = catalogue(rows, names, offset=offset)
            if kind == "csv":
                from yifa.lib.office import table_rows

                headers, raw = table_rows(content)
                content = _csv(headers, [[c.date().isoformat() if hasattr(c, "date") else c for c in r] for r in raw])
            j = job(content, f"目录.{kind}")
            found.append(
                _timed(
                    f"规范性文件目录（{kind}）",
                    rows,
                    content,
                    normdocs.CATALOGUE,
                    by=by,
                    write=lambda checked, j=j: normdocs.CATALOGUE.write(checked, job=j, by=by, refs=None),
                    profile=profile,
                )
            )
            offset += rows
    if only in (None, "licensing"):
        higher = [[f"B{stamp}-{i:06d}", f"基准许可事项{i}", "《基准条例》第三条", "基准部门"] for i in range(rows)]
        content = _csv(["事项编码", "事项名称", "设定依据", "主管部门"], higher)
        progress(f"  导入：上级行政许可事项清单 {rows} 行（负载 {_load()}）")
        j = job(content, "上级清单.csv")
        found.append(
            _timed(
                "上级行政许可事项清单（CSV）",
                rows,
                content,
                licensing.HIGHER_LIST,
                by=by,
                write=lambda checked: licensing.HIGHER_LIST.write(checked, job=j, by=by, refs=None),
                profile=profile,
            )
        )
        assert HigherItem.objects.count() == rows
        items = [[*h[:3], units[0].name, "有经营场所", "申请书；营业执照", 20, 10] for h in higher]
        headers = [
            "事项编码",
            "事项名称",
            "设定依据",
            "实施机关",
            "许可条件",
            "申请材料",
            "法定办结时限",
            "承诺办结时限",
        ]
        content = _csv(headers, items)
        progress(f"  导入：行政许可事项清单 {rows} 行（负载 {_load()}）")
        j = job(content, "清单.csv")
        refs = licensing.ItemRefs(by)
        found.append(
            _timed(
                "行政许可事项清单（CSV）",
                rows,
                content,
                licensing.ITEM_LIST,
                by=by,
                write=lambda checked: licensing.ITEM_LIST.write(checked, job=j, by=by, refs=refs),
                profile=profile,
            )
        )
    if only in (None, "enforcement"):
        table = [[f"B{stamp}-{i:06d}", "违法行为", "情节", "一般", 0, 1000, "《基准条例》第九条"] for i in range(rows)]
        content = xlsx_table_bytes(benchmarks.COLUMNS, table)
        unit = drafter.unit
        progress(f"  导入：裁量基准 {rows} 行（负载 {_load()}）")
        began, cpu = time.perf_counter(), time.process_time()
        benchmarks.import_benchmarks(by=drafter, unit=unit, content=content, file_name="基准.xlsx")
        wall = time.perf_counter() - began
        found.append(
            {
                "name": "裁量基准（.xlsx，读+校验+写一次计时）",
                "rows": rows,
                "total_s": round(wall, 2),
                "cpu_s": round(time.process_time() - cpu, 2),
                "rate": round(rows / wall),
                "load_after": _load(),
            }
        )
    if only in (None, "disclosure"):
        found.append(_ledger(min(rows, 20000), drafter.unit, drafter, progress, profile))
    return found


def xlsx_table_bytes(headers, rows) -> bytes:
    from yifa.lib.office import xlsx_table

    return xlsx_table("表", headers, rows)


def _ledger(rows: int, unit, by, progress, profile) -> dict:
    """The disclosure ledger (its own reader; capped at 20,000 rows a file)."""
    from django.utils import timezone

    from yifa.core.imports import new_job
    from yifa.disclosure import ledger

    table = [[f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "自然人", f"申请人{i}", f"申请公开第{i}号文件", "予以公开",
              f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"] for i in range(rows)]  # fmt: skip
    content = _csv(ledger.COLUMNS, table, "utf-8")
    progress(f"  导入：政府信息公开申请台账 {rows} 行（负载 {_load()}）")
    j = new_job(ledger.RUN, label="基准导入", by=by, file_name="台账.csv", content=content, options={"unit": unit.pk})
    began, cpu = time.perf_counter(), time.process_time()
    parsed = ledger.parse(content, "台账.csv", today=timezone.localdate())
    check = time.perf_counter() - began
    ledger.write(by=by, unit=unit, rows=parsed, job=j)
    wall = time.perf_counter() - began
    return {
        "name": "政府信息公开申请台账（CSV，上限2万行）",
        "rows": rows,
        "check_s": round(check, 2),
        "write_s": round(wall - check, 2),
        "total_s": round(wall, 2),
        "cpu_s": round(time.process_time() - cpu, 2),
        "rate": round(rows / wall),
        "load_after": _load(),
    }


if __name__ == "__main__":
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    import django

    django.setup()
    from django.db import connection

    figures = measure_tables(args.rows, lambda m: print(m, file=sys.stderr), profile=args.profile, only=args.only)
    print(json.dumps({"vendor": connection.vendor, "imports": figures}, ensure_ascii=False))
