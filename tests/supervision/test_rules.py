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
    assert rules["supervision.special_inspection"]["article"] == "第二十一条"
    rate = rules["supervision.correction_rate_warning"]
    assert rate["article"] == "第二十六条" and "YIFA_CORRECTION_RATE_WARNING_PERCENT" in rate["note"]
    assert f"超过{settings.CORRECTION_RATE_WARNING_PERCENT}%" in rate["note"]
    late = rules["supervision.disclosure_late_warning"]
    assert (late["law"], late["article"]) == ("中华人民共和国政府信息公开条例", "第三十三条第二款")
    complaint = rules["supervision.complaint_reply"]
    assert (
        complaint["days"] == settings.COMPLAINT_REPLY_WORKDAYS and "YIFA_COMPLAINT_REPLY_WORKDAYS" in complaint["note"]
    )
    assert all(r["law"] and r["article"] for k, r in rules.items() if k.startswith("supervision."))
