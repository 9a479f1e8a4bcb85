"""On real public plans (tests/plans/evaluation/), the importer finds the tasks with their numbers, the
lead units and the deadlines a reader counts (issue #16's thresholds)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from yifa.plans.parsing import parse_plan, plan_text

EVALUATION = Path(__file__).resolve().parent / "evaluation"
GOLD = json.loads((EVALUATION / "gold.json").read_text(encoding="utf-8"))


def scored():
    tasks = found = leads = lead_total = dues = 0
    for plan in GOLD["plans"]:
        path = (EVALUATION / plan["file"]).resolve()
        if not path.exists():  # the seed lives in shared/, beside the repository
            continue
        parsed = {t.number: t for t in parse_plan(plan_text(path.read_bytes(), path.name), year=plan["year"]).tasks}
        for want in plan["tasks"]:
            tasks += 1
            got = parsed.get(want["number"])
            if got is None:
                continue
            found += 1
            if want["lead"] is not None:
                lead_total += 1
                leads += got.lead == want["lead"]
            dues += got.due == (dt.date.fromisoformat(want["due"]) if want["due"] else None)
    return tasks, found, leads, lead_total, dues


@pytest.fixture(scope="module")
def scores():
    return scored()


def test_every_plan_names_its_source():
    for plan in GOLD["plans"]:
        assert plan["source"].get("via") and plan["year"], plan["file"]


def test_tasks_are_found_with_the_right_number(scores):
    tasks, found, *_ = scores
    assert tasks >= 55 and found / tasks >= 0.95


def test_lead_units_and_deadlines_are_right(scores):
    tasks, found, leads, lead_total, dues = scores
    assert lead_total >= 50 and leads / lead_total >= 0.9
    assert dues / tasks >= 0.9
