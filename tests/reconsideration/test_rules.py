"""`yifa rules --json` lists this module's periods with their articles, as the statute texts say."""

import io
import json
from pathlib import Path

from django.core.management import call_command

LAWS = Path(__file__).resolve().parents[3] / "shared" / "laws"

EXPECTED = {
    "reconsideration.acceptance_review.2023": ("第三十条第一款", 5, "workday", None),
    "reconsideration.correction_period.2023": ("第三十一条第二款", 10, "workday", 10),  # 本市合理上限，非法定,
    "reconsideration.copy.2023": ("第四十八条", 7, "workday", None),
    "reconsideration.reply.2023": ("第四十八条", 10, "workday", None),
    "reconsideration.copy.simplified": ("第五十四条第一款", 3, "workday", None),
    "reconsideration.reply.simplified": ("第五十四条第一款", 5, "workday", None),
    "reconsideration.decision.2023": ("第六十二条第一款", 60, "calendar", 30),
    "reconsideration.decision.simplified": ("第六十二条第二款", 30, "calendar", None),
    "reconsideration.hearing_notice": ("第五十一条第一款", 5, "workday", None),
    "reconsideration.opinion_feedback": ("第七十六条", 60, "calendar", None),
    "reconsideration.reply.2017": ("第二十三条第一款", 10, "calendar", None),
    "reconsideration.decision.2017": ("第三十一条第一款", 60, "calendar", 30),
}


def test_rules_json_lists_the_reconsideration_periods_with_articles():
    out = io.StringIO()
    call_command("rules", "--json", stdout=out)
    rules = {r["id"]: r for r in json.loads(out.getvalue())}
    for rule_id, (article, days, unit, extension) in EXPECTED.items():
        rule = rules[rule_id]
        assert (rule["article"], rule["days"], rule["unit"], rule["extension_days"]) == (article, days, unit, extension)


def test_cited_articles_say_what_the_rules_say():
    law = (LAWS / "行政复议法(2023-09-01).md").read_text()
    assert "本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日" in law
    assert "应当自受理申请之日起六十日内作出行政复议决定" in law and "延长期限最多不得超过三十日" in law
    assert "适用简易程序审理的行政复议案件，行政复议机关应当自受理申请之日起三十日内作出行政复议决定" in law
    old = (LAWS / "行政复议法(2017-09-01).md").read_text()
    # 2017: only five and seven days are working days, so the ten-day reply runs in calendar days.
    assert "本法关于行政复议期间有关“五日”、“七日”的规定是指工作日" in old


def test_suspension_is_cited_for_what_it_is_and_the_excluded_times_for_their_own_articles():
    """Issue 10: 第三十九条 lists the grounds of suspension; it does not say “中止期间不计入审理期限” (the pause is
    what 中止 means, said in the rule's note). Inspection and appraisal time are excluded by the implementing
    regulation's 第三十四条第三款 and 第三十七条."""
    from yifa.reconsideration import rules as R

    assert R.SUSPENSION.article == "第三十九条" and "不计入" not in R.SUSPENSION.title
    assert "中止" in R.SUSPENSION.note and "含义" in R.SUSPENSION.note
    assert (R.INSPECTION_TIME.article, R.APPRAISAL_TIME.article) == ("第三十四条第三款", "第三十七条")
    assert {R.INSPECTION_TIME.law, R.APPRAISAL_TIME.law} == {R.FUYI_REGULATION}
