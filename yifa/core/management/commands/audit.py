"""yifa audit verify [--anchor ID:HASH ...] | yifa audit anchor"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from yifa.core.audit import Anchor, current_anchor, verify_chain


class Command(BaseCommand):
    help = (
        "审计日志：verify 校验HMAC-SM3哈希链，发现被修改或删除的事件（可用 --anchor 对照库外保存的锚点）；"
        "anchor 打印链头的锚点，供打印存档或发送到其他系统"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument(
            "--anchor",
            action="append",
            default=[],
            metavar="ID:HASH",
            help="yifa audit anchor 打印的锚点（可重复）；链在该锚点之前被改写或删除时校验失败",
        )

    def handle(self, *args, **opts):
        if opts["action"] == "anchor":
            return self._anchor()
        try:
            anchors = tuple(Anchor.parse(text) for text in opts["anchor"])
        except ValueError as exc:
            raise CommandError(f"--anchor：{exc}") from None
        report = verify_chain(anchors=anchors)
        for problem in report.problems:
            self.stderr.write(problem)
        if not report.ok:
            raise CommandError(f"审计链校验失败：共{report.checked}条事件，发现{len(report.problems)}处问题")
        against = f"，与{len(anchors)}个锚点相符" if anchors else ""
        self.stdout.write(f"审计链完整：共{report.checked}条事件，哈希逐条相符{against}")

    def _anchor(self):
        anchor, event = current_anchor()
        self.stdout.write(str(anchor))
        if event is None:
            self.stdout.write("审计链为空：锚点为起始值")
            return
        at = timezone.localtime(event.at)
        now = timezone.localtime()
        self.stdout.write(
            f"链头：事件#{event.pk}（{at:%Y-%m-%d %H:%M:%S}，{event.action_label or event.action}），"
            f"取锚时间{now:%Y-%m-%d %H:%M:%S}。请将第一行保存在数据库以外；"
            f"日后以 yifa audit verify --anchor {anchor} 校验"
        )
