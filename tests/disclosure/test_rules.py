"""``yifa rules --json`` lists the module's periods with their articles."""

import io
import json

from django.core.management import call_command


def _rules():
    out = io.StringIO()
    call_command("rules", "--json", stdout=out)
    return {r["id"]: r for r in json.loads(out.getvalue())}


def test_rules_json_lists_the_disclosure_periods_with_their_articles():
    rules = _rules()
    expected = {
        "disclosure.publication": (20, "workday", None, "第二十六条"),
        "disclosure.reply": (20, "workday", 20, "第三十三条第二款"),
        "disclosure.clarification_notice": (7, "workday", None, "第三十条"),
        "disclosure.third_party": (15, "workday", None, "第三十二条"),
        "disclosure.other_organ": (15, "workday", None, "第三十四条"),
    }
    for rule_id, (days, unit, extension, article) in expected.items():
        r = rules[rule_id]
        assert (r["days"], r["unit"], r["extension_days"], r["article"]) == (days, unit, extension, article)
        assert r["law"] == "中华人民共和国政府信息公开条例"
    assert rules["disclosure.receipt"]["article"] == "第三十一条"
    assert rules["disclosure.not_counted"]["article"] == "第三十三条第三款"
