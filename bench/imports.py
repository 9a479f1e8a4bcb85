"""Import rates, run by bench/measure.py after the pages: a normative-document catalogue of ``rows`` rows
(.xlsx) and the largest plan a paste accepts, each through exactly what the task worker runs."""

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
        written = len(importer.commit(by=by, rows=parsed, job=job))
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
    return out
