"""The plans module's 法治政府建设年度报告 starts from the five required parts with the figures filled in from
the modules (this module answers plans' ``annual_report_draft`` hook); a body the unit wrote is kept."""

import datetime as dt

from yifa.assessment import services
from yifa.assessment.flows import REPORTS
from yifa.assessment.models import ReportKind
from yifa.core.procedure import fire
from yifa.normdocs import services as normdocs
from yifa.plans import services as plans

from ..normdocs.conftest import NEUTRAL_TEXT, publish_lawfully
from ..training.conftest import study

D = dt.date


def _filed_late(cast):
    doc = normdocs.document_create(
        by=cast["minzheng_liaison"], unit=cast["民政局"], title="救助办法", full_text=NEUTRAL_TEXT
    )
    doc = publish_lawfully(
        cast, doc, number="江民发〔2025〕7号", published_on=D(2025, 9, 5), submitted_on=D(2025, 8, 1)
    )
    normdocs.file_with_superior(by=cast["minzheng_liaison"], doc=doc, filed_on=D(2025, 10, 10), filed_with="市政府")


def _report(cast, by_key, unit, body=""):
    return plans.report_create(
        by=cast[by_key], unit=unit, year=2025, kind="rule_of_law", title="2025年度法治政府建设情况报告", body=body
    )


def test_a_new_rule_of_law_report_has_the_five_parts_with_the_units_figures(cast):
    _filed_late(cast)
    study(cast, "民政局", "minzheng_liaison", D(2025, 4, 20), law="中华人民共和国行政复议法")
    report = _report(cast, "minzheng_liaison", cast["民政局"])
    heads = [p.split("\n")[0] for p in report.body.split("\n\n")]
    assert heads == [
        "一、推进法治政府建设的主要举措和成效",
        "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2026年度推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ]
    assert "报送规范性文件备案1件，其中逾期1件" in report.body
    assert "领导班子学法1次：04月20日领导班子学法，学习中华人民共和国行政复议法" in report.body


def test_the_citys_report_counts_its_departments_and_their_shufa_reports(cast):
    _filed_late(cast)
    shufa = services.report_draft(by=cast["minzheng_head"], unit=cast["民政局"], year=2025, kind=ReportKind.SHUFA)
    fire(REPORTS, shufa, "submit", by=cast["minzheng_head"], expected_version=shufa.version)
    report = _report(cast, "mayor", cast["mayor"].unit)
    assert "报送规范性文件备案1件，其中逾期1件" in report.body
    assert "主要负责人年度述法报告已提交1份" in report.body
    assert "考核暂定得分" not in report.body  # the city is not one of the assessed units


def test_a_body_the_unit_wrote_is_kept_and_other_kinds_are_not_prefilled(cast):
    written = _report(cast, "minzheng_liaison", cast["民政局"], body="本单位自拟稿")
    assert written.body == "本单位自拟稿"
    plan = plans.report_create(
        by=cast["shijian_liaison"], unit=cast["市场监管局"], year=2025, kind="plan", title="2025年度工作计划"
    )
    assert plan.body == ""
