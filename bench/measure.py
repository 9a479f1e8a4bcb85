"""One benchmark run against one database (run by ``bench/run.py`` in its own process,
because Django reads DATABASE_URL once): migrate, seed, then time every list page and API
list endpoint as the legal office, as a department liaison and (portal) as the public."""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

VIEWERS = {"法制机构（reviewer）": "reviewer", "部门联络员（minzheng_liaison）": "minzheng_liaison"}
PUBLIC = "公众（未登录）"
SEARCHES = ["罚", "行政处罚", "营商环境", "江民发"]


def setup(database_url: str, var_dir: Path):
    os.environ["DATABASE_URL"] = database_url
    os.environ["YIFA_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    # The legal office's pages need a verified second factor: measure the pages, not the TOTP prompt.
    os.environ.setdefault("YIFA_TOTP_REQUIRED", "0")
    import django
    from django.conf import settings

    django.setup()
    # Time what production runs: no per-query logging (CaptureQueriesContext turns it on itself).
    settings.DEBUG = False
    # Time the pages' own work: the anonymous portal cache would answer every repeat from memory (a search
    # of 罚 measured 0.6 ms). The throughput run's gunicorn reads the environment and keeps the cache on.
    settings.PUBLIC_PAGE_SECONDS = 0


def prepare(scale: int, reuse: bool, progress) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from yifa.core.models import Deadline
    from yifa.core.seed import Progress, seed

    call_command("migrate", verbosity=0, interactive=False)
    # DEBUG off renders hashed static names from the manifest, as production does after collectstatic
    # (without it every page failed: “Missing staticfiles manifest entry”).
    call_command("collectstatic", verbosity=0, interactive=False)
    marker = Deadline.objects.count()
    if reuse and marker >= scale:
        progress(f"  沿用已生成的数据（{marker}条期限）")
    else:
        began = time.monotonic()
        seed(scale=scale, progress=Progress())
        SEED_COST["seconds"] = round(time.monotonic() - began, 1)
        SEED_COST["peak_rss_mb"] = peak_rss_mb()
        progress(f"  合成数据生成用时 {SEED_COST['seconds']:.0f} 秒")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as yifa seed ends; a reused database too
    return row_counts()


SEED_COST: dict = {}


def peak_rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def row_counts() -> dict[str, int]:
    from django.apps import apps
    from django.conf import settings
    from django.db import DatabaseError

    ours = {name.split(".")[-1] for name in settings.YIFA_APPS}
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in ours or model._meta.label == "core.User":
            try:
                count = model.objects.count()
            except DatabaseError:
                counts[model._meta.label] = "表不存在（尚未迁移）"
                continue
            if count:
                counts[model._meta.label] = count
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _timed(client, url, repeat):
    times, status = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url, secure=True)
        times.append((time.perf_counter() - began) * 1000)
        status = response.status_code
    return times, status


def _shape(sql: str) -> str:
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    return re.sub(r"\(\s*\?(\s*,\s*\?)*\s*\)", "(?…)", sql)


def _raw_ms(sql: str, repeat: int) -> float:
    from django.db import connection

    times = []
    for _ in range(repeat):
        with connection.cursor() as cursor:
            began = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def _plan(sql: str) -> list[str]:
    from django.db import connection

    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        rows = cursor.fetchall()
    return [" ".join(str(c) for c in row[-1:]) if connection.vendor == "sqlite" else row[0] for row in rows]


def measure(client, url: str, repeat: int) -> dict:
    try:
        response = client.get(url, secure=True)
    except Exception as exc:  # noqa: BLE001 - a broken page is reported, not fatal to the run
        return {"url": url, "status": "错误", "error": f"{type(exc).__name__}: {exc}"[:300]}
    result = {"url": url, "status": response.status_code, "load": round(os.getloadavg()[0], 1)}
    if response.status_code != 200:
        return result
    from yifa.core.endpoints import SqlLog

    with SqlLog() as queries:
        client.get(url, secure=True)
    selects = [sql for sql in queries if sql.lstrip().upper().startswith("SELECT")]
    shapes: dict[str, int] = {}
    for sql in selects:
        shapes[_shape(sql)] = shapes.get(_shape(sql), 0) + 1
    repeated = {shape: n for shape, n in shapes.items() if n >= 3}
    times, _ = _timed(client, url, repeat)
    main_sql, main_once, raw_total = None, -1.0, 0.0
    for sql in selects:
        try:
            once = _raw_ms(sql, 3)
        except Exception:  # noqa: BLE001 - a captured statement that cannot run alone is skipped
            continue
        raw_total += once
        if once > main_once:
            main_sql, main_once = sql, once
    median = statistics.median(times)
    result.update(
        {
            "queries": len(queries),
            "median_ms": round(median, 1),
            "p95_ms": round(sorted(times)[max(0, int(round(len(times) * 0.95)) - 1)], 1),
            "raw_ms": round(raw_total, 2) if selects else None,
            "ratio": round(median / raw_total, 1) if raw_total else None,
            "main_sql": main_sql,
            "repeated": repeated,
            "bytes": len(response.content),
        }
    )
    if main_sql and median > 150:
        result["plan"] = _plan(main_sql)
    return result


def run_all(repeat: int, progress) -> list[dict]:
    from django.test import Client

    from yifa.core.endpoints import discover_api, discover_pages
    from yifa.core.models import User

    results = []
    pages, endpoints = discover_pages(), discover_api()
    pages += [(f"检索“{q}”", f"/normdocs/?q={q}", True) for q in SEARCHES]
    pages += [(f"全站检索“{q}”", f"/search/?q={q}", True) for q in SEARCHES[:2]]
    clients = {}
    for label, username in VIEWERS.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients[label] = client
    for name, url, public in pages:
        viewers = {PUBLIC: Client()} if public else clients
        for viewer, client in viewers.items():
            progress(f"  页面 {url}（{viewer}）")
            results.append({"kind": "页面", "name": name, "viewer": viewer, **measure(client, url, repeat)})
    for name, path, public in endpoints:
        for viewer, client in {PUBLIC: Client()}.items() if public else clients.items():
            progress(f"  接口 {path}（{viewer}）")
            results.append({"kind": "接口", "name": name, "viewer": viewer, **measure(client, path, repeat)})
    return results


def _seconds(fn):
    began = time.monotonic()
    value = fn()
    return round(time.monotonic() - began, 2), value


def jobs(progress) -> dict:
    """The daily sweep twice (the second has nothing new to send), recomputing every open clock, and one
    holiday entered (rolled back afterwards)."""
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from yifa.core.clocks import clocks_touching, recompute_open_clocks
    from yifa.core.models import CalendarDay, DayKind
    from yifa.core.sweep import run_daily

    today = timezone.localdate()
    out = {}
    progress("  每日任务 yifa sweep：第一次")
    out["sweep_first_s"], failures = _seconds(lambda: run_daily(today))
    out["sweep_failures"] = len(failures)
    progress("  每日任务 yifa sweep：第二次（无新提醒）")
    out["sweep_second_s"], _ = _seconds(lambda: run_daily(today))
    out["open_clocks"] = clocks_touching().count()
    progress(f"  重新计算全部未结期限（{out['open_clocks']}项）")
    out["recompute_all_s"], out["recompute_all_changed"] = _seconds(recompute_open_clocks)
    day = today + dt.timedelta(days=20)
    while day.weekday() >= 5 or CalendarDay.objects.filter(date=day).exists():
        day += dt.timedelta(days=1)
    out["holiday"] = day.isoformat()
    out["holiday_clocks"] = clocks_touching(day=day).count()
    progress(f"  录入一个节假日（{day}，涉及{out['holiday_clocks']}项）")
    with transaction.atomic():
        CalendarDay.objects.create(date=day, kind=DayKind.HOLIDAY, name="基准测试")
        out["holiday_s"], out["holiday_changed"] = _seconds(lambda: recompute_open_clocks(day=day))
        transaction.set_rollback(True)
    return out


def environment() -> dict:
    import platform

    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if connection.vendor == "sqlite" else "show server_version")
        version = cursor.fetchone()[0]
    return {
        "engine": connection.vendor,
        "engine_version": version,
        "python": platform.python_version(),
        "django": django.get_version(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }


def main(argv):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--var-dir", required=True, type=Path)
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--import-rows", type=int, default=50000)
    parser.add_argument("--throughput-seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--pages-only", action="store_true", help="只测页面和接口（大规模的增长表）")
    args = parser.parse_args(argv)

    def progress(text):
        print(text, flush=True)

    setup(args.database_url, args.var_dir)
    counts = prepare(args.scale, args.reuse, progress)
    results = run_all(args.repeat, progress)
    job_times, import_figures, throughput_figures = {}, None, None
    if not args.pages_only:
        job_times = jobs(progress)
        job_times["load"] = round(os.getloadavg()[0], 1)
        import imports

        import_figures = imports.measure(min(args.scale, args.import_rows), progress)
    if args.throughput_seconds and not args.pages_only:
        import throughput

        throughput_figures = throughput.run(
            args.database_url, args.var_dir, clients=args.clients, seconds=args.throughput_seconds, workers=3
        )
    job_times.update(seed_s=SEED_COST.get("seconds"), seed_peak_rss_mb=SEED_COST.get("peak_rss_mb"))
    job_times["peak_rss_mb"] = peak_rss_mb()
    args.out.write_text(
        json.dumps(
            {
                "scale": args.scale,
                "counts": counts,
                "env": environment(),
                "repeat": args.repeat,
                "results": results,
                "jobs": job_times,
                "imports": import_figures,
                "throughput": throughput_figures,
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
