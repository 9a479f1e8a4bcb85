"""yifa deadline START DAYS [--workdays] [--pause FROM:TO]... [--extend M] [--json]"""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from yifa.core.calendar import current_calendar
from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS, Pause, compute_due


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{what}：“{text}”不是YYYY-MM-DD格式的日期") from None


def parse_count(text: str, what: str, *, minimum: int) -> int:
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise CommandError(f"{what}：“{text}”不是整数") from None
    if value < minimum:
        raise CommandError(f"{what}：须为不小于{minimum}的整数，收到{value}")
    return value


class Command(BaseCommand):
    help = "计算法定期限的届满日，并说明计算过程"

    def add_arguments(self, parser):
        parser.add_argument("start", help="起算事件发生日（当日不计入），YYYY-MM-DD")
        parser.add_argument("days", help="期限天数（正整数）")
        parser.add_argument("--workdays", action="store_true", help="按工作日计算（默认按自然日）")
        parser.add_argument(
            "--pause", action="append", default=[], metavar="FROM:TO", help="不计入期限的区间（含首尾两日），可多次给出"
        )
        parser.add_argument("--extend", default="0", metavar="M", help="延长M日（同一计算单位）")
        parser.add_argument("--restart", help="重新起算日，YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="输出JSON")

    def handle(self, *args, **opts):
        start = parse_date(opts["start"], "起算日")
        days = parse_count(opts["days"], "期限天数", minimum=1)
        extend = parse_count(opts["extend"], "--extend 延长天数", minimum=0)
        pauses = []
        for text in opts["pause"]:
            first, sep, last = text.partition(":")
            if not sep:
                raise CommandError(f"--pause：“{text}”应为 FROM:TO，例如 2025-10-13:2025-10-17")
            try:
                pauses.append(Pause(parse_date(first, "--pause 开始日"), parse_date(last, "--pause 结束日")))
            except ValueError as exc:
                raise CommandError(f"--pause：{exc}") from None
        restart = parse_date(opts["restart"], "--restart 重新起算日") if opts["restart"] else None
        try:
            calendar = current_calendar()
        except DatabaseError:
            raise CommandError("工作日历表不存在：请先运行 yifa migrate 初始化数据库") from None
        try:
            result = compute_due(
                start,
                days,
                WORKDAYS if opts["workdays"] else CALENDAR_DAYS,
                calendar,
                pauses=pauses,
                extension=extend,
                restart=restart,
            )
        except (ValueError, OverflowError) as exc:
            raise CommandError(str(exc)) from None
        if opts["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "due": result.due.isoformat(),
                        "explanation": result.explanation,
                        "unpublished_years": list(result.unpublished_years),
                    },
                    ensure_ascii=False,
                )
            )
            return
        self.stdout.write(result.due.isoformat())
        self.stdout.write(result.sentence)
