"""bench/report.md from the measured runs: one table per database, then what needs fixing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

MAX_QUERIES = 20
MAX_MEDIAN_MS = 150


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
        "| 类型 | 地址 | 身份 | 状态 | 中位数 ms | P90 ms | 查询数 | 小规模查询数 | 主查询原始SQL ms | 倍数 | 标记 |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|",
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
                f"| {row['kind']} | `{row['url']}` | {row['viewer']} | 错误 | — | — | — | — | — | — | "
                f"⚠ {row['error'].replace('|', '/')} |"
            )
            continue
        if status != 200:
            lines.append(
                f"| {row['kind']} | `{row['url']}` | {row['viewer']} | {status} | — | — | — | — | — | — | "
                f"{STATUS_NOTES.get(status, '⚠ 非200')} |"
            )
            continue
        lines.append(
            f"| {row['kind']} | `{row['url']}` | {row['viewer']} | 200 | {row['median_ms']} | {row['p90_ms']} | "
            f"{row['queries']} | {_cell(small_q)} | {_cell(row['raw_ms'])} | {_cell(row['ratio'], '×')} | "
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
            f"中位数 {row['median_ms']} ms，{row['queries']} 条查询；最慢的一条查询单独执行 "
            f"{_cell(row['raw_ms'])} ms（页面为其 {_cell(row['ratio'], '倍')}）。",
        ]
        for shape, count in row.get("repeated", {}).items():
            lines += ["", f"重复 {count} 次的同形查询：", "", "```sql", shape[:800], "```"]
        if row.get("main_sql"):
            lines += ["", "最慢的查询：", "", "```sql", short_sql(row["main_sql"]), "```"]
        if row.get("plan"):
            lines += ["", "执行计划：", "", "```", *row["plan"], "```"]
    return lines


def write_report(path: Path, runs: dict, small: dict) -> None:
    first = next(iter(runs.values()))
    lines = [
        "# 依法 yifa 性能基准报告",
        "",
        f"生成于 {dt.datetime.now():%Y-%m-%d %H:%M}。规模：{first['scale']}（期限和审计事件各 {first['scale']} 条），"
        f"每个地址请求 {first['repeat']} 次取中位数（Django 测试客户端，含中间件与模板渲染，不含网络）。",
        f"目标：每个列表页不论数据多少至多 {MAX_QUERIES} 条查询，SQLite 上中位数 ≤ {MAX_MEDIAN_MS} ms（2 核机器）。",
        "“倍数”＝页面中位数 ÷ 该页最慢一条查询作为原始 SQL 单独执行的中位数；倍数大说明时间花在 Python/模板上，"
        "倍数接近 1 说明时间花在数据库上。",
        "“小规模查询数”为同一页面在小规模 SQLite 数据上的查询数，二者不同即查询数随数据量增长（N+1）。",
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
        lines += ["", f"### 需要处理（{engine}）：{len(flagged)} 项" if flagged else f"### {engine}：全部达标"]
        lines += details(flagged)
        lines.append("")
    path.write_text("\n".join(lines) + "\n")
