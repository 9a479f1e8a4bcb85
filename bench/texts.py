"""Real-text accuracy: the fair-competition screener on published violating clauses and clean regulations,
and the plan importer on real public plans (tests/*/evaluation/). Runs alone, without a database:

    .venv/bin/python bench/texts.py [--json] [--verbose]

``measure()`` returns the figures for bench/run.py's report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NORMDOCS = ROOT / "tests" / "normdocs" / "evaluation"
PLANS = ROOT / "tests" / "plans" / "evaluation"


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yifa.settings")
    os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")
    import django

    django.setup()


def screener_figures(verbose: bool = False) -> dict:
    from yifa.normdocs.screener import screen_plain

    data = json.loads((NORMDOCS / "violating_clauses.json").read_text(encoding="utf-8"))
    caught, cited_right, missed = 0, 0, []
    for clause in data["clauses"]:
        findings = screen_plain(clause["text"])
        if findings:
            caught += 1
            cited_right += any(f"{f.article}{f.item}" == clause["expected"] for f in findings)
        else:
            missed.append(clause["id"])
        if verbose:
            print(clause["id"], "✓" if findings else "✗", [(f.rule, f.match) for f in findings])
    clean_flags, per_document = 0, {}
    for path in sorted((NORMDOCS / "clean").glob("*.md")):
        findings = screen_plain(path.read_text(encoding="utf-8"))
        per_document[path.stem] = len(findings)
        clean_flags += len(findings)
        if verbose:
            for f in findings:
                print("  误报", path.stem, f.rule, f.sentence[:80])
    clauses, documents = len(data["clauses"]), len(per_document)
    # Precision over both sets: every finding on a violating clause counts as right, every one on a clean text as wrong.
    true_flags = caught
    return {
        "violating_clauses": clauses,
        "caught": caught,
        "recall": round(caught / clauses, 3),
        "article_right": round(cited_right / clauses, 3),
        "missed": missed,
        "clean_documents": documents,
        "clean_flags": clean_flags,
        "flags_per_clean_document": round(clean_flags / documents, 2),
        "per_clean_document": per_document,
        "precision": round(true_flags / (true_flags + clean_flags), 3) if true_flags + clean_flags else 1.0,
    }


def _plan_of(path: Path, year: int):
    from yifa.plans.parsing import parse_plan, plan_text

    return parse_plan(plan_text(path.read_bytes(), path.name), year=year)


def importer_figures(verbose: bool = False) -> dict:
    gold = json.loads((PLANS / "gold.json").read_text(encoding="utf-8"))
    found = numbered = leads = leads_scored = dues = 0
    total = 0
    per_plan = {}
    for plan in gold["plans"]:
        path = (PLANS / plan["file"]).resolve()
        if not path.exists():
            continue
        parsed = _plan_of(path, plan["year"])
        by_number = {t.number: t for t in parsed.tasks}
        right = 0
        for task in plan["tasks"]:
            total += 1
            got = by_number.get(task["number"])
            if got is None:
                if verbose:
                    print("  未找到", plan["file"], task["number"])
                continue
            found += 1
            numbered += 1
            right += 1
            if task["lead"] is not None:
                leads_scored += 1
                if got.lead == task["lead"]:
                    leads += 1
                elif verbose:
                    print("  牵头单位", plan["file"], task["number"], got.lead, "≠", task["lead"])
            want = dt.date.fromisoformat(task["due"]) if task["due"] else None
            if got.due == want:
                dues += 1
            elif verbose:
                print("  时限", plan["file"], task["number"], got.due, "≠", want, got.deadline_text)
        extra = len(parsed.tasks) - right
        per_plan[plan["file"].rsplit("/", 1)[-1]] = {"tasks": len(plan["tasks"]), "found": right, "extra": extra}
    return {
        "tasks": total,
        "found_with_number": round(numbered / total, 3) if total else 0,
        "lead_right": round(leads / leads_scored, 3) if leads_scored else 0,
        "due_right": round(dues / total, 3) if total else 0,
        "per_plan": per_plan,
    }


def measure(verbose: bool = False) -> dict:
    _setup()
    return {"screener": screener_figures(verbose), "importer": importer_figures(verbose)}


def markdown(figures: dict) -> str:
    s, p = figures["screener"], figures["importer"]
    lines = [
        "## 真实文本（tests/*/evaluation/）",
        "",
        "| 公平竞争审查筛查 | 数值 | 目标 |",
        "|---|---|---|",
        f"| 召回率（{s['violating_clauses']}条通报中的违规条款） | {s['recall']:.0%} | ≥ 80% |",
        f"| 条款项引用正确 | {s['article_right']:.0%} | |",
        f"| 精确率 | {s['precision']:.0%} | |",
        f"| 干净法规平均提示数（{s['clean_documents']}件） | {s['flags_per_clean_document']} | ≤ 1 |",
        "",
        "| 计划导入 | 数值 | 目标 |",
        "|---|---|---|",
        f"| 任务找到且编号正确（{p['tasks']}项） | {p['found_with_number']:.0%} | ≥ 95% |",
        f"| 牵头单位正确 | {p['lead_right']:.0%} | ≥ 90% |",
        f"| 完成时限正确 | {p['due_right']:.0%} | ≥ 90% |",
        "",
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description="真实文本上的筛查与计划导入准确率")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    figures = measure(args.verbose)
    print(json.dumps(figures, ensure_ascii=False, indent=1) if args.json else markdown(figures))


if __name__ == "__main__":
    main()
