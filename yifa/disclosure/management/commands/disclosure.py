"""yifa disclosure import FILE --unit UNITNAME：导入政府信息公开申请台账（.xlsx 或 UTF-8 CSV）。
yifa disclosure report --year YEAR --unit UNITNAME [--json]：年度报告的数据（表二、表三及平衡校验）。"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from yifa.core.imports import run_now
from yifa.core.models import Unit, User
from yifa.disclosure import ledger, report


def _unit(name: str) -> Unit:
    found = list(Unit.objects.filter(name=name)) or list(Unit.objects.filter(short_name=name))
    if len(found) != 1:
        raise CommandError(
            f"找不到唯一名为“{name}”的单位" if not found else f"有{len(found)}个单位名为“{name}”，请写全称"
        )
    return found[0]


class Command(BaseCommand):
    help = "政府信息公开：import 导入申请台账；report 年度报告数据"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="导入台账：表头须有" + "、".join(ledger.COLUMNS))
        imp.add_argument("file")
        imp.add_argument("--unit", required=True, help="行政机关名称")
        imp.add_argument("--by", default="", help="记为哪位工作人员导入（用户名；默认该单位的第一位联络员）")
        rep = sub.add_parser("report", help="年度报告数据")
        rep.add_argument("--year", type=int, required=True)
        rep.add_argument("--unit", required=True)
        rep.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        unit = _unit(opts["unit"])
        if opts["action"] == "report":
            figures = report.figures(unit, opts["year"])
            if opts["json"]:
                self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2))
                return
            for row in figures["table3"]:
                self.stdout.write(f"{row['row']}：{' '.join(str(n) for n in row['counts'])}")
            self.stdout.write(
                "平衡校验：" + ("通过" if figures["identity_holds"] else "；".join(figures["identity_problems"]))
            )
            return
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        by = self._importer(unit, opts["by"])
        job = run_now(
            ledger.RUN,
            label=ledger.LABEL,
            by=by,
            file_name=path.name,
            content=path.read_bytes(),
            options={"unit": unit.pk},
            echo=lambda status, done, total: self.stderr.write(
                f"逐行校验 {done}/{total}" if status == "validating" else f"写入 {total} 行（一次提交，全部或全不）"
            ),
        )
        if job.status != "done":
            raise CommandError(job.error)
        self.stdout.write(f"已导入{job.total}件申请（{unit.name}），导入任务{job.pk}，文件SM3 {job.sm3}")

    def _importer(self, unit: Unit, username: str) -> User:
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"找不到用户：{username}")
            return user
        user = (
            User.objects.filter(unit=unit, is_active=True, role_grants__role__in=("liaison", "head"))
            .order_by("id")
            .first()
            or User.objects.filter(is_superuser=True, is_active=True).order_by("id").first()
        )
        if user is None:
            raise CommandError(f"{unit.name}没有联络员或负责人，请用 --by 指定导入人")
        return user
