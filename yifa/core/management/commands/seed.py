"""yifa seed --scale N: synthetic data for the benchmarks (see yifa.core.seed)."""

import time

from django.core.management.base import BaseCommand, CommandError

from yifa.core.seed import Progress, seed


class Command(BaseCommand):
    help = "生成大规模合成数据（性能测试用）：期限、审计事件、人员、通知，以及各模块的数据"

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10000, help="期限和审计事件各生成多少条（默认10000）")
        parser.add_argument("--random-seed", type=int, default=2026, help="随机数种子，同一种子生成同样的数据")
        parser.add_argument("--quiet", action="store_true", help="不显示进度")

    def handle(self, *args, **opts):
        if opts["scale"] < 1:
            raise CommandError("--scale：须为正整数")
        began = time.monotonic()
        try:
            counts = seed(
                scale=opts["scale"],
                random_seed=opts["random_seed"],
                progress=Progress(self.stdout, quiet=opts["quiet"]),
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        summary = "，".join(f"{k} {v}" for k, v in counts.items() if isinstance(v, int))
        self.stdout.write(f"合成数据已生成（{time.monotonic() - began:.1f}秒）：{summary}")
