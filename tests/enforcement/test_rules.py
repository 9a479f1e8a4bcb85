"""``yifa rules --json`` lists every enforcement period with its article."""

import json
from io import StringIO

from django.core.management import call_command

PERIODS = {
    "enforcement.decision": (90, "calendar", "第六十条", 30),
    "enforcement.hearing_request": (5, "workday", "第六十四条第一项", None),
    "enforcement.hearing_notice": (7, "workday", "第六十四条第二项", None),
    "enforcement.service": (7, "workday", "第六十一条第一款", None),
    "enforcement.withdrawal": (3, "workday", "第四十八条第二款", None),
    "enforcement.publication": (7, "workday", "二、全面推行行政执法公示制度（加强事后公开）", None),
    "enforcement.market_publication": (20, "workday", "第九条", None),
    "enforcement.legal_review": (10, "workday", "第五十八条第一款", None),
    "enforcement.seizure": (30, "calendar", "第二十五条第一款", 30),
    "enforcement.freeze": (30, "calendar", "第三十二条第一款", 30),
    "enforcement.freeze_notice": (3, "workday", "第三十一条第一款", None),
    "enforcement.court_urge": (10, "workday", "第五十四条", None),
    "enforcement.court_application": (3, "month", "第五十三条", None),
    "enforcement.transfer_approval": (3, "calendar", "第五条第二款", None),
    "enforcement.transfer_send": (1, "calendar", "第五条第二款", None),
    "enforcement.transfer_materials": (3, "calendar", "第十二条", None),
    "enforcement.transfer_reconsideration": (3, "calendar", "第九条第一款", None),
    "enforcement.fine_payment": (15, "calendar", "第六十七条第三款", None),
    "enforcement.late_fine_enforcement": (30, "calendar", "第四十六条第一款", None),
    "enforcement.substitute_urge": (3, "workday", "第五十一条第一款第二项", None),
}


def test_rules_json_lists_every_enforcement_period_with_its_article():
    out = StringIO()
    call_command("rules", "--json", stdout=out)
    rules = {r["id"]: r for r in json.loads(out.getvalue())}
    for rule_id, (days, unit, article, extension) in PERIODS.items():
        rule = rules[rule_id]
        assert (rule["days"], rule["unit"], rule["article"], rule["extension_days"]) == (days, unit, article, extension)
    assert rules["enforcement.decision"]["law"] == "中华人民共和国行政处罚法"
    assert rules["enforcement.market_publication"]["law"] == "市场监督管理行政处罚信息公示规定"
    assert rules["enforcement.seizure"]["law"] == "中华人民共和国行政强制法"
    assert rules["enforcement.transfer_approval"]["law"] == "行政执法机关移送涉嫌犯罪案件的规定"
    assert rules["enforcement.responsibility"]["article"] == "第十五条第二款"  # settings: 山东
    periods = {r for r, v in rules.items() if r.startswith("enforcement.") and v["days"]}
    assert periods == set(PERIODS)
