"""yifa audit verify"""

from django.core.management.base import BaseCommand, CommandError

from yifa.core.audit import verify_chain


class Command(BaseCommand):
    help = "审计日志：verify 校验SM3哈希链，发现被修改或删除的事件"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **opts):
        report = verify_chain()
        for problem in report.problems:
            self.stderr.write(problem)
        if not report.ok:
            raise CommandError(f"审计链校验失败：共{report.checked}条事件，发现{len(report.problems)}处问题")
        self.stdout.write(f"审计链完整：共{report.checked}条事件，哈希逐条相符")
