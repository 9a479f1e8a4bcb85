"""yifa tallies rebuild | yifa tallies check: every count a module keeps beside its records (its ``tallies.TALLIES``:
a name and a module with ``rebuild()`` and ``differences()``)."""

from django.core.management.base import BaseCommand, CommandError

from yifa.core.registry import contributions


def kept():
    for _, module in contributions("tallies"):
        yield from module.TALLIES.items()


class Command(BaseCommand):
    help = (
        "各模块随记录保存的汇总计数（考核驾驶舱和得分读取它们：已结期限按单位、规则、月份的计数，每人每年的参训学时）："
        "rebuild 按记录本身重新计数（批量导入数据后或修复时运行）；check 只比对，列出与记录不符之处"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])

    def handle(self, *args, **opts):
        if opts["action"] == "rebuild":
            for name, tally in kept():
                self.stdout.write(f"{name}：已重新计数{tally.rebuild()}行")
            return
        problems = []
        for name, tally in kept():
            found = tally.differences()
            problems += found
            self.stdout.write(f"{name}：{'不符' + str(len(found)) + '处' if found else '相符'}")
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"汇总计数与记录不符：{len(problems)}处，请运行 yifa tallies rebuild")
