"""yifa supervision stats --year YEAR [--json | --xlsx FILE]：执法监督统计（按单位）。
yifa supervision warnings [--date YYYY-MM-DD]：按当日数据运行执法预警规则（每日 sweep 也运行）。
yifa supervision sample --campaign ID [--seed N]：查看评查活动按种子抽取的样本（只读，可用于复核抽样）。"""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from yifa.lib.office import xlsx_table
from yifa.supervision import stats, tasks, writes
from yifa.supervision.models import Campaign


class Command(BaseCommand):
    help = "执法监督：stats 统计；warnings 运行执法预警规则；sample 按种子重现评查样本"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        st = sub.add_parser("stats", help="按单位汇总的执法监督统计")
        st.add_argument("--year", type=int, required=True)
        out = st.add_mutually_exclusive_group()
        out.add_argument("--json", action="store_true")
        out.add_argument("--xlsx", default="", help="写入 .xlsx 文件的路径")
        wr = sub.add_parser("warnings", help="运行执法预警规则")
        wr.add_argument("--date", default="", help="YYYY-MM-DD，默认今天")
        sa = sub.add_parser("sample", help="评查活动按种子抽取的样本（只读）")
        sa.add_argument("--campaign", type=int, required=True)
        sa.add_argument("--seed", type=int, default=None, help="默认用活动记录的种子")

    def handle(self, *args, **opts):
        getattr(self, f"_{opts['action']}")(opts)

    def _stats(self, opts):
        headers, rows = stats.table(opts["year"])
        if opts["json"]:
            self.stdout.write(json.dumps([dict(zip(headers, r)) for r in rows], ensure_ascii=False, indent=2))
        elif opts["xlsx"]:
            Path(opts["xlsx"]).write_bytes(xlsx_table(f"{opts['year']}年执法监督统计", headers, rows))
            self.stdout.write(f"已写入{opts['xlsx']}（{len(rows) - 1}个单位）")
        else:
            self.stdout.write("\t".join(headers))
            for r in rows:
                self.stdout.write("\t".join(str(v) for v in r))

    def _warnings(self, opts):
        try:
            day = dt.date.fromisoformat(opts["date"]) if opts["date"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"日期格式应为YYYY-MM-DD：{opts['date']}") from None
        self.stdout.write(tasks.daily(day))

    def _sample(self, opts):
        campaign = Campaign.objects.filter(pk=opts["campaign"]).first()
        if campaign is None:
            raise CommandError(f"找不到评查活动：{opts['campaign']}")
        seed = opts["seed"] if opts["seed"] is not None else campaign.seed
        if seed is None:
            raise CommandError("该评查活动尚未抽取，请用 --seed 指定种子")
        campaign.seed = seed  # not saved: the draw is recomputed only
        for unit, row in writes.draw(campaign):
            self.stdout.write(f"{unit.name}\t{row['number']}")
