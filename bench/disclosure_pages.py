"""Time every disclosure page as every demo person, on seeded data (the demo city, then ``yifa seed`` at
--scale N, or a database already seeded so): for each page the HTTP statuses, the most queries any person's
view took, and the median time over --repeat runs (the slowest person's median and the median of medians).

    DATABASE_URL=postgres://... .venv/bin/python bench/disclosure_pages.py --scale 100000 [--repeat 3]

A benchmark, not a test: it prints figures and fails only on a server error."""

from __future__ import annotations

import argparse
import os
import statistics
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    os.environ.setdefault("YIFA_TOTP_REQUIRED", "0")  # the demo's people, as `make run` lets them in
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.PUBLIC_LOOKUP_MISSES = settings.PUBLIC_RATE_PER_ADDRESS = settings.PUBLIC_RATE_PER_SESSION = "100000/h"
    # Pages, not static files, are timed: no collected manifest needed.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0, interactive=False)
    from yifa.core.models import Unit, User
    from yifa.disclosure.models import Challenge, Request
    from yifa.disclosure.seed import seed

    if not User.objects.filter(username="reviewer").exists():
        call_command("demo", verbosity=0)
    if Request.objects.count() < args.scale // 10:
        began = time.monotonic()
        seed(scale=args.scale, progress=lambda *a: None)
        print(f"seeded {Request.objects.count()} requests in {time.monotonic() - began:.0f}s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    unit = Unit.objects.get(name="江临市民政局")
    city = Unit.objects.get(kind="government")
    answered = Request.objects.filter(unit=unit, imported=False).exclude(reply_text="").order_by("-id").first()
    sample = answered or Request.objects.filter(unit=unit).order_by("-id").first()
    challenge = Challenge.objects.filter(unit=unit).order_by("-id").first()
    year = time.localtime().tm_year - 1
    staff_pages = [
        "/staff/disclosure/",
        "/staff/disclosure/requests/",
        "/staff/disclosure/requests/?state=open",
        "/staff/disclosure/requests/?q=低保",
        "/staff/disclosure/requests/new/",
        "/staff/disclosure/import/",
        sample.get_absolute_url(),
        f"/staff/disclosure/requests/{sample.pk}/documents/receipt.docx",
        f"/staff/disclosure/units/{unit.pk}/catalogue/",
        f"/staff/disclosure/units/{unit.pk}/guide/",
        f"/staff/disclosure/units/{unit.pk}/report/{year}/",
        f"/staff/disclosure/units/{city.pk}/report/{year}/",
        f"/staff/disclosure/units/{unit.pk}/challenges/",
    ]
    if challenge is not None:
        staff_pages.append(f"/staff/disclosure/challenges/{challenge.pk}/")
    public_pages = [
        ("get", "/disclosure/", None),
        ("get", f"/disclosure/units/{unit.pk}/", None),
        ("get", "/disclosure/apply/", None),
        ("get", "/disclosure/status/", None),
        ("post", "/disclosure/status/", {"number": sample.number, "code": sample.lookup_code}),
    ]
    from yifa.core.seed import PREFIX

    # The demo city's people, one per role and unit (the seeded thousands would only repeat them).
    people = list(User.objects.filter(is_active=True).exclude(username__startswith=f"{PREFIX}_").order_by("username"))
    rows = []

    def measure(client, method, url, data=None):
        times, statuses, most = [], set(), 0
        for _ in range(args.repeat):
            connection.queries_log.clear()  # a full log (9000 queries) would make every later count 0
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = getattr(client, method)(url, data, secure=True) if data else client.get(url, secure=True)
                times.append((time.perf_counter() - began) * 1000)
            statuses.add(response.status_code)
            most = max(most, len(queries))
        assert max(statuses) < 500, (url, statuses)
        return statistics.median(times), statuses, most

    for url in staff_pages:
        found = []
        for person in people:
            client = Client()
            client.force_login(person)
            found.append((person.username, *measure(client, "get", url)))
        rows.append((url, found))
    for method, url, data in public_pages:
        rows.append((f"{method.upper()} {url}", [("公众", *measure(Client(), method, url, data))]))

    print("| 页面 | 人数 | HTTP状态 | 最多查询数 | 中位数 ms（各人中位数的中位数） | 最慢的人 ms |")
    print("|---|---|---|---|---|---|")
    for url, found in rows:
        statuses = sorted({s for _, _, ss, _ in found for s in ss})
        slowest = max(found, key=lambda f: f[1])
        print(
            f"| {url} | {len(found)} | {'/'.join(map(str, statuses))} | {max(f[3] for f in found)} "
            f"| {statistics.median(f[1] for f in found):.0f} | {slowest[1]:.0f}（{slowest[0]}） |"
        )


if __name__ == "__main__":
    main()
