"""The party's remedy periods are declared once (lib/remedies.py) and counted the same wherever a module uses
them: reconsideration's acceptance, enforcement's 第五十三条 wait, and the 告知 on a licensing decision."""

import datetime as dt
import io
import json
from collections import defaultdict
from pathlib import Path

from django.core.management import call_command

from yifa.core.calendar import current_calendar
from yifa.lib import remedies

LAWS = Path(__file__).resolve().parents[3] / "shared" / "laws"


def _rules():
    out = io.StringIO()
    call_command("rules", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_no_statutory_period_is_declared_twice_under_two_names():
    same = defaultdict(list)
    for rule in _rules():
        if rule["days"]:
            key = (rule["law"], rule["law_version"], rule["article"], rule["days"], rule["unit"])
            same[key].append(rule["id"])
    assert {key: ids for key, ids in same.items() if len(ids) > 1} == {}


def test_remedy_periods_are_listed_with_the_articles_the_statutes_say():
    rules = {r["id"]: r for r in _rules()}
    assert (rules["remedy.reconsideration.2023"]["article"], rules["remedy.reconsideration.2023"]["days"]) == (
        "第二十条第一款",
        60,
    )
    assert rules["remedy.reconsideration.2017"]["article"] == "第九条第一款"
    assert (rules["remedy.litigation"]["days"], rules["remedy.litigation"]["unit"]) == (6, "month")
    fuyi = (LAWS / "行政复议法(2023-09-01).md").read_text()
    assert "可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请" in fuyi
    litigation = next(LAWS.glob("行政诉讼法*.md")).read_text()
    assert "应当自知道或者应当知道作出行政行为之日起六个月内提出" in litigation


def test_the_version_in_force_on_the_day_the_party_knew_applies():
    assert remedies.RECONSIDERATION.on(dt.date(2023, 12, 31)).id == "remedy.reconsideration.2017"
    assert remedies.RECONSIDERATION.on(dt.date(2024, 1, 1)).id == "remedy.reconsideration.2023"


def test_six_months_end_on_the_corresponding_day_or_the_months_last_day_rolled_off_a_holiday(db):
    calendar = current_calendar()
    six_months = remedies.LITIGATION_PERIOD
    # February 2026 has no 31st: its last day, a Saturday that is a 调休 working day, so it is not rolled.
    assert six_months.due(dt.date(2025, 8, 31), calendar).due == dt.date(2026, 2, 28)
    # The corresponding day, 1 October, is in the National Day holiday: the day after it ends (民法典第二百零三条).
    assert six_months.due(dt.date(2025, 4, 1), calendar).due == dt.date(2025, 10, 9)
