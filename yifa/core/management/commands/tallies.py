"""yifa tallies rebuild | yifa tallies check"""

from django.core.management.base import BaseCommand, CommandError

from yifa.core import closed_counts


class Command(BaseCommand):
    help = (
        "法定期限办结计数（考核驾驶舱和得分所读的按单位、规则、月份汇总）：rebuild 按全部已办结的期限重新计数"
        "（批量导入数据后或修复时运行）；check 只比对，列出与期限本身不符之处"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])

    def handle(self, *args, **opts):
        if opts["action"] == "rebuild":
            rows = closed_counts.rebuild()
            self.stdout.write(f"已重新计数：{rows}行（单位×规则×月份）")
            return
        problems = closed_counts.differences()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"办结计数与期限不符：{len(problems)}处，请运行 yifa tallies rebuild")
        self.stdout.write("办结计数与期限相符")
