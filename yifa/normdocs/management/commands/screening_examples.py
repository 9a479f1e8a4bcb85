"""yifa screening_examples [--out FILE]: the legal office's marks on screening findings, written as
examples beside the rule catalogue (yifa/normdocs/screen_marked_examples.json by default), so the tests
run them with the catalogue's own examples. Marks already in the file are kept; new ones are added."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from yifa.normdocs.screening_marks import marked_examples

DEFAULT = Path(__file__).resolve().parents[2] / "screen_marked_examples.json"


class Command(BaseCommand):
    help = "导出法制机构对筛查提示的标记，作为规则的例句（供测试运行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", type=Path, default=DEFAULT, help="例句文件（默认 yifa/normdocs/screen_marked_examples.json）"
        )

    def handle(self, *args, **opts):
        path: Path = opts["out"]
        kept = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        added = 0
        for rule, sides in marked_examples().items():
            entry = kept.setdefault(rule, {"hit": [], "miss": []})
            for side, sentences in sides.items():
                for sentence in sentences:
                    if sentence not in entry[side]:
                        entry[side].append(sentence)
                        added += 1
        path.write_text(json.dumps(kept, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        self.stdout.write(f"已写入{path}：新增例句{added}条")
