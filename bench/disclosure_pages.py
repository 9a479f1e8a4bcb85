"""Time the disclosure pages on seeded data (``yifa seed``'s disclosure contribution at --scale N) in one
database: the board, the request list, a request, a unit's catalogue and report, the portal unit page.

    DATABASE_URL=postgres://... .venv/bin/python bench/disclosure_pages.py --scale 100000
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    # Pages, not static files, are timed: no collected manifest needed.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0, interactive=False)
    from yifa.core.demo import build_city
    from yifa.core.models import Unit, User
    from yifa.disclosure.models import Request
    from yifa.disclosure.seed import seed

    if not User.objects.filter(username="reviewer").exists():
        build_city()
    if Request.objects.count() < args.scale // 10:
        began = time.monotonic()
        seed(scale=args.scale, progress=lambda *a: None)
        print(f"seeded {Request.objects.count()} requests in {time.monotonic() - began:.0f}s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    unit = Unit.objects.get(name="江临市民政局")
    sample = Request.objects.filter(unit=unit).order_by("-id").first()
    pages = [
        ("mayor", "/staff/disclosure/"),
        ("mayor", "/staff/disclosure/requests/"),
        ("minzheng_liaison", "/staff/disclosure/requests/"),
        ("minzheng_liaison", sample.get_absolute_url()),
        ("minzheng_liaison", f"/staff/disclosure/units/{unit.pk}/catalogue/"),
        ("mayor", f"/staff/disclosure/units/{unit.pk}/report/2025/"),
        (None, f"/disclosure/units/{unit.pk}/"),
        (None, f"/disclosure/status/?number={sample.number}&code={sample.lookup_code}"),
    ]
    print("| 页面 | 用户 | 中位数 ms | 查询数 |\n|---|---|---|---|")
    for username, url in pages:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = client.get(url, secure=True)
                times.append((time.perf_counter() - began) * 1000)
            assert response.status_code in (200, 302), (url, response.status_code)
        print(f"| {url} | {username or '公众'} | {statistics.median(times):.0f} | {len(queries)} |")


if __name__ == "__main__":
    main()
