"""yifa plan parse FILE [--year YYYY] [--json]: split a work plan into sections and tasks (writes nothing)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from yifa.plans.parsing import parse_plan, plan_text


def known_unit_names() -> list[str]:
    from yifa.plans.queries import unit_names

    try:
        return unit_names()
    except DatabaseError:
        return []


class Command(BaseCommand):
    help = "工作计划：parse 拆分为章节与编号任务，并建议责任单位和完成时限（只读，不写入）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        parse = sub.add_parser("parse", help="拆分计划文本（.txt 或 .docx）")
        parse.add_argument("file")
        parse.add_argument("--year", type=int, help="计划年度，用于补全缺少年份的日期（默认从正文识别）")
        parse.add_argument("--json", action="store_true", help="以JSON输出")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"文件：找不到“{path}”")
        try:
            text = plan_text(path.read_bytes(), path.name)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        year = opts["year"]
        if year is not None and not 1949 <= year <= 2100:
            raise CommandError(f"--year：年度须在1949至2100之间，收到{year}")
        plan = parse_plan(text, year=year, unit_names=known_unit_names())
        if opts["json"]:
            self.stdout.write(json.dumps(plan.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{plan.title}（{plan.year}年）")
        for task in plan.preamble_tasks:
            self.stdout.write(f"  前言 {task.title}  {task.deadline_text} {task.due or ''}")
        for section in plan.sections:
            self.stdout.write(f"{section.number}、{section.title}")
            for task in section.tasks:
                units = "、".join(task.units)
                self.stdout.write(f"  {task.number}. {task.title}  [{units}] {task.deadline_text} {task.due or ''}")
