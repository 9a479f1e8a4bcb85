"""The leader's 述法 report and the annual 法治政府建设 report, drafted by yifa from the unit's data."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.assessment import services
from yifa.assessment.flows import REPORTS
from yifa.assessment.models import LeaderReport, ReportKind, ReportState
from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput
from yifa.core.procedure import fire
from yifa.normdocs import services as normdocs

from ..normdocs.conftest import NEUTRAL_TEXT, publish_lawfully
from ..training.conftest import study

D = dt.date


@pytest.fixture
def shufa(cast):
    doc = normdocs.document_create(
        by=cast["minzheng_liaison"], unit=cast["民政局"], title="救助办法", full_text=NEUTRAL_TEXT
    )
    doc = publish_lawfully(
        cast, doc, number="江民发〔2025〕7号", published_on=D(2025, 9, 5), submitted_on=D(2025, 8, 1)
    )
    normdocs.file_with_superior(by=cast["minzheng_liaison"], doc=doc, filed_on=D(2025, 10, 10), filed_with="市政府")
    study(cast, "民政局", "minzheng_liaison", D(2025, 4, 20), law="中华人民共和国行政复议法")
    return services.report_draft(
        by=cast["minzheng_head"], unit=cast["民政局"], year=2025, kind=ReportKind.SHUFA, on=D(2026, 1, 10)
    )


def test_the_shufa_draft_carries_the_units_figures(shufa):
    assert shufa.title == "江临市民政局主要负责人2025年度述法报告"
    assert "报送规范性文件备案1件，其中逾期1件" in shufa.body
    assert "领导班子学法1次：04月20日领导班子学法，学习中华人民共和国行政复议法，司法局王局长主讲。" in shufa.body
    assert "《深化依法行政规划安排》（2022年）七、第19项" in shufa.body


def test_the_rule_of_law_report_is_drafted_in_plans_not_here(cast):
    with pytest.raises(InvalidInput) as refused:
        services.report_draft(by=cast["minzheng_liaison"], unit=cast["民政局"], year=2025, kind=ReportKind.RULE_OF_LAW)
    assert "请在“年度计划与报告”中起草" in refused.value.errors["kind"]
    assert not LeaderReport.objects.exists()


def test_drafting_twice_returns_the_same_report(cast, shufa):
    again = services.report_draft(by=cast["minzheng_head"], unit=cast["民政局"], year=2025, kind=ReportKind.SHUFA)
    assert again.pk == shufa.pk and LeaderReport.objects.count() == 1


def test_only_the_principal_leader_submits_and_an_empty_body_is_refused(cast, shufa):
    with pytest.raises(AccessDenied):
        fire(REPORTS, shufa, "submit", by=cast["minzheng_liaison"])
    with pytest.raises(GateBlocked) as exc:
        fire(REPORTS, shufa, "edit", by=cast["minzheng_head"], title="述法报告", body="  ")
    assert "正文：必须填写" in exc.value.unmet
    shufa.refresh_from_db()
    assert shufa.body.startswith("根据")
    fire(REPORTS, shufa, "submit", by=cast["minzheng_head"], on=D(2026, 1, 12))
    shufa.refresh_from_db()
    assert (shufa.state, shufa.submitted_on, shufa.submitted_by) == (
        ReportState.SUBMITTED,
        D(2026, 1, 12),
        cast["minzheng_head"],
    )
    with pytest.raises(GateBlocked):
        fire(REPORTS, shufa, "edit", by=cast["minzheng_head"], title="改", body="改")


def test_a_stale_edit_is_refused_on_the_page(cast, shufa, login):
    client = login(cast["minzheng_head"])
    url = reverse("assessment:report_act", args=[shufa.pk, "edit"])
    assert (
        client.post(url, {"edit-version": shufa.version, "edit-title": "一", "edit-body": "第一稿"}).status_code == 302
    )
    response = client.post(url, {"edit-version": shufa.version, "edit-title": "二", "edit-body": "第二稿"})
    assert response.status_code == 400 and "已被他人修改" in response.content.decode()
    shufa.refresh_from_db()
    assert shufa.body == "第一稿"


def test_another_unit_cannot_open_the_report(cast, shufa, login):
    assert login(cast["shijian_head"]).get(shufa.get_absolute_url()).status_code == 403
    assert login(cast["mayor"]).get(shufa.get_absolute_url()).status_code == 200
    listing = login(cast["shijian_head"]).get(reverse("assessment:reports") + "?year=2025").content.decode()
    assert "民政局主要负责人" not in listing
