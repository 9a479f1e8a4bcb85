"""yifa sweep: run daily from cron or a systemd timer (see README). The exit status is the number of
failures (records or modules), each logged; everything else has been done."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from yifa.core.sweep import run_daily


class Command(BaseCommand):
    help = "到期提醒、逾期标记和各模块的每日任务；可重复运行，不会重复发送；退出码为失败项数"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按指定日期运行（YYYY-MM-DD），用于补跑")

    def handle(self, *args, **opts):
        today = dt.date.fromisoformat(opts["today"]) if opts["today"] else timezone.localdate()
        failures = run_daily(today, report=self.stdout.write)
        if failures:
            for failure in failures:
                self.stderr.write(f"失败：{failure}")
            raise CommandError(f"每日任务有{len(failures)}项失败，其余已完成", returncode=min(len(failures), 125))
