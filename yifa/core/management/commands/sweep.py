"""yifa sweep: run daily from cron or a systemd timer (see README)."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from yifa.core.registry import contributions
from yifa.core.sweep import run_sweep


class Command(BaseCommand):
    help = "到期提醒、逾期标记和各模块的每日任务；可重复运行，不会重复发送"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按指定日期运行（YYYY-MM-DD），用于补跑")

    def handle(self, *args, **opts):
        today = dt.date.fromisoformat(opts["today"]) if opts["today"] else timezone.localdate()
        result = run_sweep(today)
        self.stdout.write(str(result))
        for name, module in contributions("tasks"):
            if hasattr(module, "daily"):
                self.stdout.write(f"{name}：{module.daily(today)}")
