"""Enforcement at scale: seed N penalty cases (default 1,000,000) with the module's own seed, then time the
case list, the statistics and the public decision list: query count and median of --repeat runs.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/yifa_enforcement .venv/bin/python bench/enforcement.py \
        [--scale 1000000] [--repeat 15] [--reuse]

The database is migrated, not dropped; --reuse skips seeding when it already holds the cases. A benchmark,
not a test: it prints figures and never fails."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

SORTED = (("-filed_on", "立案日倒序"), ("filed_on", "立案日"), ("-state", "状态倒序"), ("number", "案号"))


def _nth(key: str, n: int) -> int:
    """The id of the case at place ``n`` of the case list sorted by ``key`` (where page n/20 starts after)."""
    from yifa.enforcement.models import Case
    from yifa.enforcement.queries import case_order

    return Case.objects.order_by(*case_order(key)).values_list("id", flat=True)[n]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from yifa.core.demo import build_city
    from yifa.core.models import User
    from yifa.enforcement import seed
    from yifa.enforcement.models import Case

    settings.DEBUG = False
    # No collectstatic here: plain static URLs, so the pages render without the hashed manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0, interactive=False)
    if not User.objects.filter(username="legal_head").exists():
        build_city()
    have = Case.objects.count()
    if args.reuse and have >= args.scale:
        print(f"沿用已有的{have}件案件")
    else:
        began = time.monotonic()
        seed.seed(scale=args.scale, progress=lambda label, done, total: print(f"\r{label} {done}/{total}", end=""))
        print(f"\n生成{args.scale}件案件用时{time.monotonic() - began:.0f}秒")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    staff, public = Client(), Client()
    staff.force_login(User.objects.get(username="legal_head"))
    _second_factor(staff, User.objects.get(username="legal_head"))
    officer = Client()
    officer.force_login(User.objects.get(username="shijian_officer"))
    year = (
        Case.objects.filter(decided_on__isnull=False)
        .order_by("-decided_on")
        .values_list("decided_on", flat=True)
        .first()
        .year
    )
    # The staff list pages by keyset (?after=<id>): page 200 starts after the 3,980th newest case.
    after = Case.objects.order_by("-id").values_list("id", flat=True)[3979]
    served_after = Case.objects.filter(state="served").order_by("-id").values_list("id", flat=True)[3979]
    pages = [
        ("案件列表（法制机构）", staff, "/staff/enforcement/"),
        ("案件列表第200页（法制机构）", staff, f"/staff/enforcement/?after={after}"),
        ("按状态筛选第200页（法制机构）", staff, f"/staff/enforcement/?state=served&after={served_after}"),
        ("案件列表（市场监管局执法人员）", officer, "/staff/enforcement/"),
        ("按状态筛选（法制机构）", staff, "/staff/enforcement/?state=served"),
        *(
            (f"按{label}排序第200页（法制机构）", staff, f"/staff/enforcement/?sort={key}&after={_nth(key, 3979)}")
            for key, label in (
                ("-filed_on", "立案日倒序"),
                ("filed_on", "立案日"),
                ("-state", "状态倒序"),
                ("number", "案号"),
            )
        ),
        ("按当事人排序（市场监管局执法人员）", officer, "/staff/enforcement/?sort=party_name"),
        (f"{year}年执法统计（法制机构）", staff, f"/staff/enforcement/statistics/?year={year}"),
        ("偏离裁量基准（法制机构）", staff, "/staff/enforcement/outside/"),
        ("行政强制案件（市场监管局执法人员）", officer, "/staff/enforcement/coercion/"),
        ("执法事项清单（公众）", public, "/enforcement/powers/"),
        ("处罚决定公开（公众）", public, "/enforcement/"),
        ("处罚决定公开第100页（公众）", public, "/enforcement/?page=100"),
        ("公开接口（公众）", public, "/api/enforcement/public/decisions"),
    ]
    print(f"{connection.vendor}，{Case.objects.count()}件案件，每页重复{args.repeat}次")
    print(f"{'页面':<28}{'查询数':>6}{'中位数ms':>10}{'最大ms':>9}")
    for label, client, url in pages:
        queries = []
        # execute_wrapper, not CaptureQueriesContext: request_started resets the query log mid-capture.
        with connection.execute_wrapper(
            lambda execute, sql, *rest, seen=queries: seen.append(sql) or execute(sql, *rest)
        ):
            response = client.get(url, HTTP_HOST="localhost", secure=True)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            client.get(url, HTTP_HOST="localhost", secure=True)
            times.append((time.perf_counter() - began) * 1000)
        print(f"{label:<28}{len(queries):>6}{statistics.median(times):>10.1f}{max(times):>9.1f}")


def _second_factor(client, user) -> None:
    """The legal office must use its second factor: the session says it has (as after the login page)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="基准测试", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
