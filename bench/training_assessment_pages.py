"""Time every training and assessment page, as every demo login, on seeded data (``yifa seed --scale N`` in
the database of DATABASE_URL, after ``yifa demo``): the first load after login, the median of a few loads and
the most queries a load took. Timings on a shared machine are noisy: the load average is printed above.

    DATABASE_URL=postgres://... .venv/bin/python bench/training_assessment_pages.py --repeat 3 [--only /staff/,/api/]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def pages():
    from django.urls import reverse

    from yifa.assessment.models import LeaderReport, Objection
    from yifa.core.models import Unit
    from yifa.training.models import Course, StudySession

    unit = Unit.objects.get(name="江临市民政局")
    course = Course.objects.filter(unit=unit).order_by("-id").first() or Course.objects.order_by("-id").first()
    found = [
        reverse("training:hours"),
        reverse("training:hours") + "?short=1",
        reverse("training:courses"),
        course.get_absolute_url(),
        reverse("training:studies"),
        StudySession.objects.order_by("-id").first().get_absolute_url(),
        reverse("assessment:cockpit"),
        reverse("assessment:unit", args=[unit.pk]),
        reverse("assessment:unit_records", args=[unit.pk, "clocks_on_time"]),
        reverse("assessment:unit_records", args=[unit.pk, "normdocs_filed"]),
        reverse("assessment:unit_duties", args=[unit.pk]),
        reverse("assessment:duties"),
        reverse("assessment:indicators"),
        reverse("assessment:objections"),
        Objection.objects.filter(unit=unit).order_by("-id").first().get_absolute_url(),
        reverse("assessment:reports"),
    ]
    found.append("/api/assessment/scores")
    report = LeaderReport.objects.filter(unit=unit).first()
    if report:
        found.append(report.get_absolute_url())
    if course.signin_code:
        found.append(reverse("training:signin", args=[course.signin_code]))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="只测路径以此开头的页面（多个前缀以逗号分隔）")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    os.environ.setdefault("YIFA_TOTP_REQUIRED", "0")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from yifa.core.demo import LOGINS
    from yifa.core.models import User

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    urls = [u for u in pages() + ["/assessment/shufa/"] if u.startswith(tuple(args.only.split(",")))]
    with open("/proc/loadavg") as f:
        print(f"{connection.vendor}；负载 {f.read().strip()}\n")
    print("| 页面 | 用户 | 状态 | 首次 ms | 中位数 ms | 查询数 |\n|---|---|---|---|---|---|")
    for username, _ in [*LOGINS, (None, "公众")]:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        for url in urls:
            if (username is None) != (not url.startswith(("/staff/", "/api/"))):
                continue
            times, counts = [], []
            for _ in range(max(1, args.repeat)):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = client.get(url, secure=True)
                    times.append((time.perf_counter() - began) * 1000)
                counts.append(len(queries))
            median = statistics.median(times)
            who = username or "公众"
            print(f"| {url} | {who} | {response.status_code} | {times[0]:.0f} | {median:.0f} | {max(counts)} |")


if __name__ == "__main__":
    main()
