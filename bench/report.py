"""bench/report.md from the measured runs: one table per database, then what needs fixing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

MAX_QUERIES = 20
MAX_MEDIAN_MS = 150
MAX_API_RATIO = 2


def flags(row: dict, small_queries: int | None) -> list[str]:
    if row.get("status") != 200:
        return []
    found = []
    if row["queries"] > MAX_QUERIES:
        found.append(f"查询数>{MAX_QUERIES}")
    if row["median_ms"] > MAX_MEDIAN_MS:
        found.append(f"中位数>{MAX_MEDIAN_MS}ms")
    if small_queries is not None and row["queries"] > small_queries:
        found.append("查询数随数据量增长")
    if row.get("repeated"):
        found.append("同形查询重复（N+1？）")
    if row["kind"] == "接口" and row.get("ratio") and row["ratio"] > MAX_API_RATIO:
        found.append(f"接口耗时>{MAX_API_RATIO}×原始SQL")
    return found


STATUS_NOTES = {
    302: "重定向（未登录或需先完成上一步）",
    403: "无权访问（按权限设计时可忽略）",
    405: "不接受 GET（仅 POST 的操作地址）",
}


def short_sql(sql: str) -> str:
    """The column list says little; what matters is FROM … WHERE … ORDER BY."""
    return re.sub(r"^SELECT .+? FROM ", "SELECT … FROM ", sql, count=1, flags=re.S)[:2000]


def _key(row):
    return (row["url"], row["viewer"])


def _cell(value, suffix=""):
    return "—" if value is None else f"{value}{suffix}"


def table(run: dict, small: dict | None) -> tuple[list[str], list[tuple[dict, list[str]]]]:
    small_by_key = {_key(r): r.get("queries") for r in (small or {}).get("results", [])}
    lines = [
        "| 类型 | 地址 | 身份 | 状态 | 中位数 ms | P95 ms | 字节 | 查询数 | 小规模查询数 | 原始SQL ms | 倍数 | 负载 "
        "| 标记 |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    flagged = []
    for row in run["results"]:
        small_q = small_by_key.get(_key(row))
        marks = flags(row, small_q)
        if marks:
            flagged.append((row, marks))
        status = row["status"]
        if row.get("error"):
            lines.append(
                f"| {row['kind']} | `{row['url']}` | {row['viewer']} | 错误 | — | — | — | — | — | — | — | — | "
                f"⚠ {row['error'].replace('|', '/')} |"
            )
            continue
        if status != 200:
            lines.append(
                f"| {row['kind']} | `{row['url']}` | {row['viewer']} | {status} | — | — | — | — | — | — | — | — | "
                f"{STATUS_NOTES.get(status, '⚠ 非200')} |"
            )
            continue
        lines.append(
            f"| {row['kind']} | `{row['url']}` | {row['viewer']} | 200 | {row['median_ms']} | "
            f"{row.get('p95_ms', row.get('p90_ms'))} | {row.get('bytes', '—')} | {row['queries']} | {_cell(small_q)} | "
            f"{_cell(row['raw_ms'])} | {_cell(row['ratio'], '×')} | {_cell(row.get('load'))} | "
            f"{'⚠ ' + '；'.join(marks) if marks else '✓'} |"
        )
    return lines, flagged


def details(flagged: list[tuple[dict, list[str]]]) -> list[str]:
    lines = []
    for row, marks in flagged:
        lines += [
            "",
            f"### `{row['url']}`（{row['viewer']}）：{'；'.join(marks)}",
            "",
            f"中位数 {row['median_ms']} ms，{row['queries']} 条查询；这些查询作为原始 SQL 重放共 "
            f"{_cell(row['raw_ms'])} ms（页面为其 {_cell(row['ratio'], '倍')}）。",
        ]
        for shape, count in row.get("repeated", {}).items():
            lines += ["", f"重复 {count} 次的同形查询：", "", "```sql", shape[:800], "```"]
        if row.get("main_sql"):
            lines += ["", "最慢的查询：", "", "```sql", short_sql(row["main_sql"]), "```"]
        if row.get("plan"):
            lines += ["", "执行计划：", "", "```", *row["plan"], "```"]
    return lines


def write_report(path: Path, runs: dict, small: dict, series: dict | None = None) -> None:
    first = next(iter(runs.values()))
    lines = [
        "# 依法 yifa 性能基准报告",
        "",
        f"生成于 {dt.datetime.now():%Y-%m-%d %H:%M}。规模：{first['scale']}（期限和审计事件各 {first['scale']} 条），"
        f"每个地址请求 {first['repeat']} 次取中位数（Django 测试客户端，含中间件与模板渲染，不含网络）。",
        f"目标：每个列表页不论数据多少至多 {MAX_QUERIES} 条查询，SQLite 上中位数 ≤ {MAX_MEDIAN_MS} ms（2 核机器）。",
        f"“倍数”＝中位数 ÷ 该请求发出的全部 SELECT 在同一次运行中作为原始 SQL 重放（各取3次中位数）之和；"
        f"接口的目标是 ≤ {MAX_API_RATIO}×。倍数大说明时间花在 Python/序列化/模板上。",
        "“小规模查询数”为同一地址在小规模数据上的查询数，二者不同即查询数随数据量增长（N+1）。",
        "",
        "这是性能基准，不是测试：只标记，不失败。",
        "",
    ]
    for engine, run in runs.items():
        env = run["env"]
        lines += [
            f"## {engine}",
            "",
            f"{env['engine']} {env['engine_version']}，Python {env['python']}，Django {env['django']}，"
            f"{env['cpus']} 核 {env['machine']}。",
            "",
            "数据量：",
            "",
            "| 表 | 行数 |",
            "|---|---:|",
            *[f"| {k} | {v} |" for k, v in run["counts"].items()],
            "",
        ]
        rows, flagged = table(run, small.get(engine) or small.get("sqlite"))
        lines += rows
        lines += ["", *goals(engine, run)]
        lines += ["", *job_lines(run.get("jobs")), *import_lines(run.get("imports")), *throughput_lines(run)]
        lines += ["", f"### 需要处理（{engine}）：{len(flagged)} 项" if flagged else f"### {engine}：全部达标"]
        lines += details(flagged)
        lines.append("")
    lines += growth(runs, small, series)
    path.write_text("\n".join(lines) + "\n")


def job_lines(jobs: dict | None) -> list[str]:
    if not jobs:
        return []
    if "sweep_first_s" not in jobs:  # a run of the pages alone (--pages-only)
        return [
            "任务与资源（本次只测页面，未测每日任务和重算）：",
            "",
            f"`yifa seed` 用时 {_cell(jobs.get('seed_s'), ' 秒')}，"
            f"峰值内存 {_cell(jobs.get('seed_peak_rss_mb'), ' MB')}；"
            f"测量进程峰值内存（含全部页面）{jobs['peak_rss_mb']} MB。",
            "",
        ]
    return [
        "任务与资源：",
        "",
        "| 项目 | 结果 |",
        "|---|---|",
        f"| `yifa sweep` 第一次 | {jobs['sweep_first_s']} 秒，失败 {jobs['sweep_failures']} 项 |",
        f"| `yifa sweep` 第二次（同日、无新提醒；目标 < 2 秒） | {jobs['sweep_second_s']} 秒 |",
        f"| 重新计算全部未结期限（{jobs['open_clocks']} 项；目标 10 万项 ≤ 10 秒） | {jobs['recompute_all_s']} 秒"
        f"（变动 {jobs['recompute_all_changed']} 项） |",
        f"| 录入一个节假日 {jobs['holiday']}（涉及 {jobs['holiday_clocks']} 项，后台任务执行的同一函数） | "
        f"{jobs['holiday_s']} 秒（变动 {jobs['holiday_changed']} 项） |",
        f"| `yifa seed` 用时 / 峰值内存 | {_cell(jobs.get('seed_s'), ' 秒')} / "
        f"{_cell(jobs.get('seed_peak_rss_mb'), ' MB')} |",
        f"| 测量进程峰值内存（含全部页面） | {jobs['peak_rss_mb']} MB |",
        "",
    ]


def goals(engine: str, run: dict) -> list[str]:
    """Each goal of issue #18 against this run: met, missed, or not measured."""
    ok = [r for r in run["results"] if r.get("status") == 200]
    broken = [
        r
        for r in run["results"]
        if r.get("status") == "错误" or (isinstance(r.get("status"), int) and r["status"] >= 500)
    ]
    over = [r for r in ok if r["queries"] > MAX_QUERIES]
    slow = [r for r in ok if r["median_ms"] > MAX_MEDIAN_MS]
    apis = [r for r in ok if r["kind"] == "接口" and r.get("ratio")]
    ratio_over = [r for r in apis if r["ratio"] > MAX_API_RATIO]
    search = [r for r in ok if "?q=" in r["url"] and len(r["url"].split("?q=")[1]) == 1]
    jobs, imp, thr = run.get("jobs") or {}, run.get("imports") or {}, run.get("throughput")
    loads = [r["load"] for r in ok if r.get("load") is not None]
    load = f"{min(loads)}–{max(loads)}" if loads else "—"

    def mark(good):
        return "✓" if good else "✗"

    rows = [
        f"| 每个页面和接口 ≤ {MAX_QUERIES} 条查询 | {mark(not over)} | {len(ok)} 个200地址中 {len(over)} 个超出"
        f"{'：' + '、'.join(sorted({r['url'] for r in over})[:8]) if over else ''} |",
        f"| 没有出错的页面 | {mark(not broken)} | {len(broken)} 个地址出错 |",
        f"| 中位数 ≤ {MAX_MEDIAN_MS} ms | {mark(not slow)} | {len(slow)} / {len(ok)} 个超出"
        f"（2 核机器，测量时负载 {load}）"
        f"{'：' + '、'.join(sorted({r['url'] for r in slow})[:12]) if slow else ''} |",
        f"| 接口 ≤ {MAX_API_RATIO}× 原始SQL | {mark(not ratio_over)} | {len(ratio_over)} / {len(apis)} 个超出；"
        f"倍数中位数 {sorted(r['ratio'] for r in apis)[len(apis) // 2] if apis else '—'}× |",
    ]
    if search:
        p50 = sorted(r["median_ms"] for r in search)[len(search) // 2]
        rows.append(
            f"| 单字检索 p50 ≤ 50 ms | {mark(p50 <= 50)} | {p50} ms（P95 {max(r['p95_ms'] for r in search)} ms） |"
        )
    if "sweep_second_s" in jobs:
        rows.append(
            f"| 同日第二次 sweep < 2 秒 | {mark(jobs['sweep_second_s'] < 2)} | {jobs['sweep_second_s']} 秒"
            f"（负载 {jobs.get('load', '—')}） |"
        )
        per_100k = jobs["recompute_all_s"] * 100000 / max(1, jobs["open_clocks"])
        rows.append(
            f"| 重算未结期限：10 万项 ≤ 10 秒 | {mark(per_100k <= 10)} | {jobs['open_clocks']} 项 "
            f"{jobs['recompute_all_s']} 秒（折合 10 万项 {per_100k:.0f} 秒，负载 {jobs.get('load', '—')}） |"
        )
    if imp:
        goal = 50000 if engine == "postgresql" else 10000
        rate = imp.get("rate_cpu") or imp["rate_end_to_end"]
        rows.append(
            f"| 导入 ≥ {goal} 行/秒 | {mark(imp['rate_end_to_end'] >= goal)} | 墙钟 {imp['rate_end_to_end']} 行/秒，"
            f"按本进程CPU {rate} 行/秒（负载 {imp['load_after']}） |"
        )
    if thr:
        good = thr["rps"] >= 200 and (thr["p95_ms"] or 1e9) <= 250 and not thr["errors"]
        rows.append(
            f"| 吞吐量 ≥ 200/秒，P95 ≤ 250 ms，无错误 | {mark(good)} | {thr['rps']}/秒，P95 {thr['p95_ms']} ms，"
            f"错误 {thr['errors']}（负载 {thr['load_before']}） |"
        )
        rows.append(f"| 工作进程 < 300 MB | {mark((thr['worker_peak_mb'] or 0) < 300)} | {thr['worker_peak_mb']} MB |")
    else:
        rows.append("| 吞吐量 | 未测 | 本次未运行 |")
    if jobs.get("seed_s"):
        if run["scale"] >= 1000000:
            good = jobs["seed_s"] <= 600 and (jobs.get("seed_peak_rss_mb") or 1e9) <= 1024
            rows.append(
                f"| `yifa seed --scale 1000000` ≤ 10 分钟、≤ 1 GB | {mark(good)} | {jobs['seed_s']} 秒，"
                f"峰值 {jobs.get('seed_peak_rss_mb')} MB |"
            )
        else:
            rows.append(
                f"| `yifa seed` | — | 规模 {run['scale']}：{jobs['seed_s']} 秒，"
                f"峰值 {jobs.get('seed_peak_rss_mb')} MB |"
            )
    return ["目标核对：", "", "| 目标 | 结果 | 说明 |", "|---|---|---|", *rows, ""]


def table_import_lines(tables: list | None) -> list[str]:
    """Every table import (bench/imports.py measure_tables): read, check, write and the rate."""
    if not tables:
        return []
    lines = ["| 导入（读取 / 校验 / 整批写入） | 行数 | 读取秒 | 校验秒 | 写入秒 | 合计秒 | 行/秒 | 负载 |"]
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for t in tables:
        parts = [_cell(t.get(k)) for k in ("read_s", "check_s", "write_s", "total_s", "rate")]
        lines.append(f"| {t['name']} | {t['rows']} | {' | '.join(parts)} | {t.get('load_after', '—')} |")
    return [*lines, ""]


def import_lines(figures: dict | None) -> list[str]:
    if not figures:
        return ["导入：本次未测量。", ""]
    f = figures
    return [
        "导入（与后台任务执行的同一函数：逐行校验全部通过后整批写入，一条审计事件）：",
        "",
        "| 项目 | 行数 | 墙钟秒 | 本进程CPU秒 | 速率（行/秒） | 负载 |",
        "|---|---:|---:|---:|---|---|",
        f"| 规范性文件目录：读取 .xlsx | {f['catalogue_rows']} | {f['read_s']} | — | — | {f['load_before']} |",
        f"| 规范性文件目录：逐行校验 | {f['catalogue_rows']} | {f['validate_s']} | — | — | {f['load_before']} |",
        f"| 规范性文件目录：整批写入（含检索索引、审计事件） | {f['written']} | {f['write_s']} | "
        f"{f.get('write_cpu_s', '—')} | — | {f['load_after']} |",
        f"| 规范性文件目录：校验+写入 | {f['catalogue_rows']} | {round(f['validate_s'] + f['write_s'], 2)} | — | "
        f"墙钟 {f['rate_validate_write']} | {f['load_after']} |",
        f"| 规范性文件目录：含读取文件，全程 | {f['catalogue_rows']} | {round(f['parse_s'] + f['write_s'], 2)} | "
        f"{round(f.get('parse_cpu_s', 0) + f.get('write_cpu_s', 0), 2)} | 墙钟 {f['rate_end_to_end']}，"
        f"按CPU {_cell(f.get('rate_cpu'))} | {f['load_after']} |",
        f"| 工作计划（粘贴上限的原文，解析+写入） | {f['plan_tasks']}项任务 | {f['plan_s']} | "
        f"{f.get('plan_cpu_s', '—')} | 墙钟 {f['plan_rate']} | {f['plan_load']} |",
        "",
        *table_import_lines(f.get("tables")),
        "目标：PostgreSQL ≥ 50,000 行/秒，SQLite ≥ 10,000 行/秒。“按CPU”＝行数 ÷ 本进程CPU秒，即机器不被他人占用时"
        "的速率上限估计（SQLite 的写入在本进程内，已全部计入；PostgreSQL 服务器进程的CPU不计入）。",
        "",
    ]


def throughput_lines(run: dict) -> list[str]:
    t = run.get("throughput")
    if not t:
        return ["吞吐量（gunicorn）：本次未测量。", ""]
    return [
        f"吞吐量（gunicorn {t['workers']} 个工作进程，DEBUG 关闭，{t['clients']} 个并发客户端，{t['seconds']} 秒，"
        f"{t['addresses']} 个地址混合：门户匿名、工作人员页面和接口）：",
        "",
        "| 请求数 | 每秒 | P50 ms | P95 ms | 错误 | 状态 | 工作进程峰值内存 | 负载（前/后） |",
        "|---:|---:|---:|---:|---:|---|---:|---|",
        f"| {t['requests']} | {t['rps']} | {t['p50_ms']} | {t['p95_ms']} | {t['errors']} | {t['statuses']} | "
        f"{t['worker_peak_mb']} MB | {t['load_before']} / {t['load_after']} |",
        "",
        "目标：≥ 200 请求/秒，P95 ≤ 250 ms，无错误，工作进程 < 300 MB。客户端与服务器在同一台 2 核机器上。",
        "",
    ]


def growth(runs: dict, small: dict, series: dict | None = None) -> list[str]:
    """Median ms per address at every measured scale (10k → 100k → 1M), per database, and what grows."""
    columns = []
    for engine in runs:
        scales = (series or {}).get(engine) or [r for r in (small.get(engine), runs[engine]) if r]
        for run in scales:
            columns.append((f"{engine} {run['scale']}", run))
    if len(columns) < 2:
        return []
    keyed = [({_key(r): r for r in run["results"]}) for _, run in columns]
    lines = [
        "## 增长表（中位数 ms / 查询数）",
        "",
        "“增长”：较上一规模中位数超过 3 倍且超过 50 ms，或查询数增加。各列负载不同，时间只作同列参照。",
        "",
        "| 地址 | 身份 | " + " | ".join(name for name, _ in columns) + " | 增长 |",
        "|---|---|" + "---:|" * len(columns) + "---|",
    ]
    for row in columns[-1][1]["results"]:
        cells, grows = [], False
        for i, table_ in enumerate(keyed):
            r = table_.get(_key(row))
            if not r or r.get("status") != 200:
                cells.append("—")
                continue
            cells.append(f"{r['median_ms']} / {r['queries']}")
            same_engine = i > 0 and columns[i - 1][0].split()[0] == columns[i][0].split()[0]
            if same_engine and keyed[i - 1].get(_key(row), {}).get("status") == 200:
                before = keyed[i - 1][_key(row)]
                ratio_grows = r["median_ms"] > 3 * before["median_ms"] and r["median_ms"] > 50
                grows = grows or ratio_grows or r["queries"] > before["queries"]
        if any(c != "—" for c in cells):
            lines.append(f"| `{row['url']}` | {row['viewer']} | " + " | ".join(cells) + f" | {'⚠' if grows else ''} |")
    return lines + [""]
