"""Every supervision period and gate in ``yifa rules --json``, with its law and article."""

import json

from django.core.management import call_command


def test_the_periods_are_listed_with_their_sources(capsys, settings):
    call_command("rules", "--json")
    rules = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    filing = rules["supervision.major_penalty_filing"]
    assert (filing["law"], filing["article"], filing["days"], filing["unit"]) == (
        "山东省行政执法监督条例",
        "第十三条",
        settings.MAJOR_PENALTY_FILING_WORKDAYS,
        "workday",
    )
    assert "YIFA_MAJOR_PENALTY_FILING_WORKDAYS" in filing["note"]
    assert (
        rules["supervision.rectification"]["days"] == 30
        and rules["supervision.rectification"]["article"] == "第二十八条"
    )
    assert rules["supervision.appeal"]["law"] == "中华人民共和国公务员法"
    assert rules["supervision.accountability_decision"]["law"] == "行政机关公务员处分条例"
    assert rules["supervision.sanction_governance"]["law"] == "中华人民共和国公职人员政务处分法"
    assert all(r["law"] and r["article"] for k, r in rules.items() if k.startswith("supervision."))
