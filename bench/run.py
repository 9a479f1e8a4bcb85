"""``make bench``: load a scaled data set into a fresh database and time the key pages.

    .venv/bin/python bench/run.py [--scale 100000] [--repeat 15] [--check-scale 1000] [--reuse]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/yifa_bench .venv/bin/python bench/run.py

Each database is measured in its own process (bench/measure.py). SQLite lives under
var/bench/; PostgreSQL (when BENCH_DATABASE_URL is set) is dropped and created afresh.
A second, small run (--check-scale) shows whether a page's query count grows with the
data (an N+1). The report goes to bench/report.md. This is a benchmark, not a test:
it flags, it never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import write_report  # noqa: E402


def recreate_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in {"postgres", "yifa"}:
        raise SystemExit(f"BENCH_DATABASE_URL 须指向专用的基准测试数据库（不能是 {name or '空'}），它会被删除重建")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_one(label: str, url: str, scale: int, repeat: int, reuse: bool, pages_only: bool = False) -> dict:
    out = VAR / f"result-{label}-{scale}.json"
    print(f"== {label}：规模 {scale} ==", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).parent / "measure.py"),
            "--database-url",
            url,
            "--var-dir",
            str(VAR),
            "--scale",
            str(scale),
            "--repeat",
            str(repeat),
            "--out",
            str(out),
            *(["--reuse"] if reuse else []),
            *(["--pages-only"] if pages_only else []),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    return json.loads(out.read_text())


def sqlite_url(scale: int, reuse: bool) -> str:
    path = VAR / f"bench-{scale}.sqlite3"
    if not reuse:
        for stale in VAR.glob(f"bench-{scale}.sqlite3*"):
            stale.unlink()
    return f"sqlite:///{path}"


def all_scales() -> dict[str, list[dict]]:
    """Every result kept in var/bench/, per database, smallest scale first: the growth table's columns."""
    found: dict[str, list[dict]] = {}
    for path in VAR.glob("result-*-*.json"):
        run = json.loads(path.read_text())
        found.setdefault(path.name.split("-")[1], []).append(run)
    return {engine: sorted(runs, key=lambda r: r["scale"]) for engine, runs in found.items()}


def rewrite_report(args) -> None:
    def load(label, scale):
        path = VAR / f"result-{label}-{scale}.json"
        return json.loads(path.read_text()) if path.exists() else None

    runs = {label: load(label, args.scale) for label in ("sqlite", "postgresql")}
    small = {label: load(label, args.check_scale) for label in ("sqlite", "postgresql")} if args.check_scale else {}
    write_report(args.out, {k: v for k, v in runs.items() if v}, {k: v for k, v in small.items() if v}, all_scales())
    append_real_texts(args.out)
    print(f"报告已按上次结果重写：{args.out}")


def append_real_texts(out: Path) -> None:
    """The screener's and the importer's accuracy on real texts (bench/texts.py), after the page tables."""
    texts = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "texts.py")], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    print(texts)
    out.write_text(out.read_text(encoding="utf-8") + "\n" + texts, encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description="依法 yifa 性能基准")
    parser.add_argument("--scale", type=int, default=100000, help="期限和审计事件各多少条（默认100000）")
    parser.add_argument("--repeat", type=int, default=15, help="每个页面请求次数，取中位数（默认15）")
    parser.add_argument(
        "--check-scale",
        type=int,
        default=10000,
        help="先以此小规模跑一遍，比较查询数和时间是否随数据量增长（0为不比较）",
    )
    parser.add_argument("--skip-sqlite", action="store_true", help="只测 PostgreSQL（BENCH_DATABASE_URL）")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both", help="测哪种数据库")
    parser.add_argument("--reuse", action="store_true", help="沿用 var/bench/ 中已生成的同规模 SQLite 数据")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "report.md")
    parser.add_argument(
        "--pages-only", action="store_true", help="只测页面和接口，不测每日任务、导入和吞吐量（如 1M 规模的增长表）"
    )
    parser.add_argument("--report-only", action="store_true", help="不重新测量，只用 var/bench/ 中上次的结果重写报告")
    args = parser.parse_args(argv)
    if args.report_only:
        return rewrite_report(args)
    (VAR / "static").mkdir(parents=True, exist_ok=True)  # STATIC_ROOT of the runs; whitenoise warns if absent

    runs, small = {}, {}
    if args.skip_sqlite or args.db == "postgresql":
        args.skip_sqlite = True
    if not args.skip_sqlite:
        if args.check_scale and args.check_scale < args.scale:
            small["sqlite"] = run_one("sqlite", sqlite_url(args.check_scale, False), args.check_scale, 5, False)
        runs["sqlite"] = run_one(
            "sqlite", sqlite_url(args.scale, args.reuse), args.scale, args.repeat, args.reuse, args.pages_only
        )
    pg_url = os.environ.get("BENCH_DATABASE_URL") if args.db != "sqlite" else None
    if pg_url:
        if args.check_scale and args.check_scale < args.scale:
            recreate_postgres(pg_url)
            small["postgresql"] = run_one("postgresql", pg_url, args.check_scale, 5, False)
        recreate_postgres(pg_url)
        runs["postgresql"] = run_one("postgresql", pg_url, args.scale, args.repeat, False, args.pages_only)
    write_report(args.out, runs, small, all_scales())
    append_real_texts(args.out)
    print(f"报告已写入 {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
