"""yifa normdocs screen FILE [--json]：对文件正文作公平竞争审查筛查。
筛查规则目录在 screen_defaults.py（代码）中；法制机构自加的短语规则在页面上维护。"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from yifa.core.errors import YifaError
from yifa.normdocs.rules import FAIR_COMPETITION_STANDARDS
from yifa.normdocs.screener import screen_text
from yifa.normdocs.services import extract_text


class Command(BaseCommand):
    help = f"规范性文件工具：screen FILE --json 按{FAIR_COMPETITION_STANDARDS.citation}筛查文本"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        screen = sub.add_parser("screen", help="筛查 .txt、.docx 或 .pdf 文件")
        screen.add_argument("file")
        screen.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        content = path.read_bytes()
        try:
            text = (
                extract_text(content=content, name=path.name)
                if path.suffix.lower() in {".docx", ".pdf"}
                else content.decode("utf-8")
            )
        except (YifaError, UnicodeDecodeError) as exc:
            raise CommandError(getattr(exc, "message", f"文件须为UTF-8文本：{exc}")) from None
        findings = screen_text(text)
        if opts["json"]:
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "category": f.category,
                            "article": f.article,
                            "item": f.item,
                            "sentence": f.sentence,
                            "start": f.start,
                            "end": f.end,
                            "rule": f.rule,
                            "explanation": f.explanation,
                        }
                        for f in findings
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return
        for f in findings:
            self.stdout.write(f"[{f.category}] 公平竞争审查条例{f.article}{f.item}（{f.rule}）：{f.sentence}")
        self.stdout.write(f"共{len(findings)}处提示")
