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
SKIP_NAMESPACES = {"admin", "api"}
SKIP_NAMES = {"login", "logout"}
SKIP_URL_WORDS = ("export", "download", "logout", "delete")


def setup(database_url: str, var_dir: Path):
    os.environ["DATABASE_URL"] = database_url
    os.environ["YIFA_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    import django
    from django.conf import settings

    django.setup()
    # Time what production runs: no per-query logging (CaptureQueriesContext turns it on itself).
    settings.DEBUG = False


def prepare(scale: int, reuse: bool, progress) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from yifa.core.models import Deadline
    from yifa.core.seed import Progress, seed

    call_command("migrate", verbosity=0, interactive=False)
    marker = Deadline.objects.count()
    if reuse and marker >= scale:
        progress(f"  沿用已生成的数据（{marker}条期限）")
    else:
        began = time.monotonic()
        seed(scale=scale, progress=Progress())
        progress(f"  合成数据生成用时 {time.monotonic() - began:.0f} 秒")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return row_counts()


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


def _walk(patterns, namespace=""):
    from django.urls import URLPattern, URLResolver

    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.pattern.converters or getattr(entry.pattern, "regex", None) and entry.pattern.regex.groups:
                continue
            ns = entry.namespace or ""
            yield from _walk(entry.url_patterns, f"{namespace}:{ns}".strip(":") if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            if entry.pattern.converters or entry.pattern.regex.groups:
                continue
            yield namespace, entry.name


def discover_pages() -> list[tuple[str, str, bool]]:
    """(label, url, public) for every parameterless page: the staff lists and the portal."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    found, seen = [], set()
    for namespace, name in _walk(get_resolver().url_patterns):
        top = namespace.split(":")[0]
        if top in SKIP_NAMESPACES or name in SKIP_NAMES:
            continue
        try:
            url = reverse(f"{namespace}:{name}" if namespace else name)
        except NoReverseMatch:
            continue
        if url in seen or any(word in url for word in SKIP_URL_WORDS):
            continue
        seen.add(url)
        public = not url.startswith("/staff/")
        found.append((f"{namespace}:{name}" if namespace else name, url, public))
    return sorted(found, key=lambda f: (f[2], f[1]))


def discover_api() -> list[tuple[str, str]]:
    """Every GET endpoint of the API without a path parameter."""
    from yifa.api import api

    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        if "{" in path or "get" not in operations:
            continue
        found.append((operations["get"].get("operationId", path), path))
    return sorted(found, key=lambda f: f[1])


def _timed(client, url, repeat):
    times, status = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url)
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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    try:
        response = client.get(url)
    except Exception as exc:  # noqa: BLE001 - a broken page is reported, not fatal to the run
        return {"url": url, "status": "错误", "error": f"{type(exc).__name__}: {exc}"[:300]}
    result = {"url": url, "status": response.status_code}
    if response.status_code != 200:
        return result
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = list(captured.captured_queries)  # the next request resets the connection's log
    selects = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    shapes: dict[str, int] = {}
    for sql in selects:
        shapes[_shape(sql)] = shapes.get(_shape(sql), 0) + 1
    repeated = {shape: n for shape, n in shapes.items() if n >= 3}
    times, _ = _timed(client, url, repeat)
    main_sql, main_once = None, -1.0
    for sql in selects:
        try:
            once = _raw_ms(sql, 1)
        except Exception:  # noqa: BLE001 - a captured statement that cannot run alone is skipped
            continue
        if once > main_once:
            main_sql, main_once = sql, once
    raw = _raw_ms(main_sql, repeat) if main_sql else None
    median = statistics.median(times)
    result.update(
        {
            "queries": len(queries),
            "median_ms": round(median, 1),
            "p90_ms": round(sorted(times)[int(len(times) * 0.9) - 1], 1),
            "raw_ms": raw and round(raw, 2),
            "ratio": round(median / raw, 1) if raw else None,
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

    from yifa.core.models import User

    results = []
    pages, endpoints = discover_pages(), discover_api()
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
    for name, path in endpoints:
        for viewer, client in clients.items():
            progress(f"  接口 {path}（{viewer}）")
            results.append({"kind": "接口", "name": name, "viewer": viewer, **measure(client, path, repeat)})
    return results


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
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)

    def progress(text):
        print(text, flush=True)

    setup(args.database_url, args.var_dir)
    counts = prepare(args.scale, args.reuse, progress)
    results = run_all(args.repeat, progress)
    args.out.write_text(
        json.dumps(
            {"scale": args.scale, "counts": counts, "env": environment(), "repeat": args.repeat, "results": results},
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
