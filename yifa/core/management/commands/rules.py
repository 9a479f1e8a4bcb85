"""yifa rules [--json]"""

import json

from django.core.management.base import BaseCommand

from yifa.lib.law import all_rules


class Command(BaseCommand):
    help = "列出平台执行的全部法定期限和程序关口及其法律依据"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        rules = all_rules()
        if opts["json"]:
            self.stdout.write(json.dumps([r.as_dict() for r in rules], ensure_ascii=False, indent=2))
            return
        for r in rules:
            period = f"{r.days}{r.unit.label}" if r.is_period else "程序关口"
            if r.extension_days:
                period += f"（可延长{r.extension_days}{r.unit.label}）"
            self.stdout.write(f"{r.id:<42} {period:<16} {r.citation}  {r.title}")
        self.stdout.write(f"共{len(rules)}条")
