"""Flood the public reconsideration form (#17): N threads for S seconds post complete applications, each
with the same 8 MB file, through the WSGI app on a fresh SQLite database, and report what got through.

    .venv/bin/python bench/flood.py                  # one address, a bot that cannot read the captcha
    .venv/bin/python bench/flood.py --botnet         # a new address per post and a captcha-solving bot

Figures: posts sent, answers by status, cases with clocks, held applications, bytes written to media
and to the database. The quotas (YIFA_APPLY_PER_DAY …) are set small below so that they show."""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(work: Path, args):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="yifa.settings",
        DATABASE_URL=os.environ.get("FLOOD_DATABASE_URL") or f"sqlite:///{work / 'flood.sqlite3'}",
        YIFA_MEDIA_ROOT=str(work / "media"),
        YIFA_CACHE_URL="db",
        YIFA_SSL_REDIRECT="0",
        YIFA_TRUSTED_PROXIES="1",
        YIFA_APPLY_PER_DAY=str(args.per_day),
        YIFA_APPLY_PER_APPLICANT_PER_DAY=str(args.per_applicant),
        YIFA_APPLY_HELD_PER_DAY=str(args.held_per_day),
    )
    import django

    django.setup()
    from django.conf import settings

    # No collectstatic here: pages name their static files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from yifa.core.demo import build_city

    return build_city()


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _id_number(n: int) -> str:
    body = f"1101011990{n % 10**7:07d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--file-mb", type=int, default=8)
    parser.add_argument("--botnet", action="store_true", help="a new address per post and the captcha solved")
    parser.add_argument("--per-day", type=int, default=20)
    parser.add_argument("--per-applicant", type=int, default=3)
    parser.add_argument("--held-per-day", type=int, default=40)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="yifa-flood-"))
    cast = _setup(work, args)

    from captcha.models import CaptchaStore
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connections
    from django.test import Client
    from django.utils import timezone

    from yifa.reconsideration.intake_models import IntakeState, OnlineIntake
    from yifa.reconsideration.models import Case

    evidence = b"%PDF-1.4\n" + os.urandom(args.file_mb * 1024 * 1024) + b"\n%%EOF\n"
    respondent = cast.units["民政局"].pk
    today = timezone.localdate()
    media_before, db_before = _size(work / "media"), _size(work)
    counts: collections.Counter = collections.Counter()
    lock = threading.Lock()
    serial = iter(range(10**9))
    stop = time.monotonic() + args.seconds

    def flood(worker: int) -> None:
        client = Client()
        while time.monotonic() < stop:
            with lock:
                n = next(serial)
            address = f"10.{worker}.{n // 250 % 250}.{n % 250 + 1}" if args.botnet else "203.0.113.7"
            data = {
                "applicant_kind": "person",
                "applicant_name": "灌水",
                "applicant_id": _id_number(n),
                "applicant_phone": "13812345678",
                "respondent_unit": respondent,
                "act_title": "某行政处罚决定",
                "act_type": "penalty",
                "act_date": (today - timezone.timedelta(days=20)).isoformat(),
                "known_on": (today - timezone.timedelta(days=15)).isoformat(),
                "requests": "撤销",
                "facts_reasons": "无",
                "consent": "on",
                "files": [SimpleUploadedFile("证据.pdf", evidence)],
            }
            if args.botnet:
                client = Client()  # a new session too
                page = client.get("/reconsideration/apply/", HTTP_X_FORWARDED_FOR=address).content.decode()
                key = re.search(r'name="captcha_0" value="([0-9a-f]+)"', page)
                if key:
                    store = CaptchaStore.objects.filter(hashkey=key.group(1)).first()
                    data.update(captcha_0=key.group(1), captcha_1=store.response if store else "")
            try:
                status = client.post("/reconsideration/apply/", data, HTTP_X_FORWARDED_FOR=address).status_code
            except Exception as exc:  # noqa: BLE001 — a flood reports every kind of failure
                status = type(exc).__name__
            with lock:
                counts[status] += 1
        connections.close_all()

    threads = [threading.Thread(target=flood, args=(w,)) for w in range(args.threads)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    media_growth, db_growth = (
        _size(work / "media") - media_before,
        _size(work) - db_before - (_size(work / "media") - media_before),
    )
    cases = Case.objects.count()
    held = OnlineIntake.objects.filter(state=IntakeState.HELD).count()
    allowed = args.per_day * 30 * 1024 * 1024
    mode = "僵尸网络（每次新地址、新会话、验证码被破解）" if args.botnet else "单一地址（机器人不识验证码）"
    print(f"灌水测试：{mode}，{args.threads} 线程 × {elapsed:.0f} 秒，每份附 {args.file_mb} MB 相同文件")
    print(f"  发出 {sum(counts.values())} 份；应答：{dict(sorted(counts.items(), key=str))}")
    print(
        f"  成为案件并起算期限：{cases} 件（当日限额 {args.per_day}）；"
        f"暂存待放行：{held} 件（上限 {args.held_per_day}）"
    )
    print(
        f"  附件文件写入 {media_growth / 1048576:.1f} MB（相同文件只存一份），"
        f"数据库文件增长（仅 SQLite） {db_growth / 1048576:.1f} MB"
    )
    print(f"  限额允许的上传量：{args.per_day} 件 × 30 MB = {allowed / 1048576:.0f} MB")
    ok = cases <= args.per_day and media_growth + db_growth < allowed
    print("  结论：" + ("未超出限额" if ok else "超出限额！"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
