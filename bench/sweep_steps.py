"""``yifa sweep`` step by step: the seconds and statements of the core sweep and of each module's daily job, on a
first run and on a second run the same day (which has nothing new to send: target under 2 s at 100,000).

    DATABASE_URL=sqlite:///var/s100k.sqlite3 .venv/bin/python bench/sweep_steps.py [--today 2026-12-01] [--runs 2]

Run it on a copy of a seeded database: the first run sends the day's reminders and marks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from yifa.core import sweep
    from yifa.core.registry import contributions

    today = args.today or timezone.localdate()
    counts: dict[str, list] = {}

    def timed(name, step):
        def run(day):
            statements = []

            def count(execute, sql, params, many, context):
                statements.append(sql)
                return execute(sql, params, many, context)

            began = time.perf_counter()
            with connection.execute_wrapper(count):
                outcome = step(day)
            counts[name] = [time.perf_counter() - began, len(statements)]
            return outcome

        return run

    sweep.run_sweep = timed("core", sweep.run_sweep)
    for name, module in contributions("tasks"):
        if hasattr(module, "daily"):
            module.daily = timed(name, module.daily)
    print(f"数据库：{connection.vendor}，日期 {today}，负载 {os.getloadavg()[0]:.2f}")
    for run in range(1, args.runs + 1):
        counts.clear()
        began = time.perf_counter()
        failures = sweep.run_daily(today)
        total = time.perf_counter() - began
        print(f"第{run}次：共 {total:.2f} 秒，失败 {len(failures)} 项")
        for name, (seconds, statements) in counts.items():
            print(f"  {name:<16} {seconds:7.3f} 秒  {statements:5d} 条语句")
    return 0


if __name__ == "__main__":
    sys.exit(main())
