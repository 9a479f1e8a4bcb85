"""In the browser: a leader opens the drafted 述法 report, edits it and submits it; the cockpit shows his
unit's score with a chart."""

import pytest
from django.utils import timezone

from yifa.assessment import queries, services
from yifa.assessment.models import LeaderReport, ReportKind, ReportState


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_leader_edits_and_submits_the_drafted_shufa_report_and_sees_the_cockpit(cast, browser_login):
    year = timezone.localdate().year
    report = services.report_draft(by=cast["minzheng_liaison"], unit=cast["民政局"], year=year, kind=ReportKind.SHUFA)
    page = browser_login(cast["minzheng_head"])
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"/staff/assessment/reports/?year={year}")
    page.click(f"text={report.title}")
    assert "一、履行第一责任人职责的基本情况" in page.inner_text("#report-body")

    page.click("summary:has-text('修改报告')")
    body = page.input_value("#id_edit-body")
    page.fill("#id_edit-body", body.replace("二、存在的问题\n（请填写）", "二、存在的问题\n会前学法次数偏少。"))
    page.click("button:has-text('修改报告')")
    page.wait_for_selector("text=已保存修改")
    assert "会前学法次数偏少。" in page.inner_text("#report-body")

    page.click("summary:has-text('提交报告')")
    page.click("button:has-text('提交报告')")
    page.wait_for_selector("text=报告已提交")
    assert page.inner_text("#report-state") == "已提交"
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.submitted_by == cast["minzheng_head"]
    assert "会前学法次数偏少。" in LeaderReport.objects.get().body

    page.goto("/staff/assessment/")
    expected = queries.unit_score(cast["民政局"], year=year, as_of=timezone.localdate()).total
    row = page.locator("#scores tbody tr", has_text="江临市民政局")
    assert row.locator("strong").inner_text() == str(expected)
    assert page.locator("svg.chart rect").count() == page.locator("#scores tbody tr").count()
    assert "民政局" in page.locator("svg.chart").text_content()
    # the trends are drawn by the vendored ECharts, offline
    page.wait_for_selector("[data-chart='trend-yearly'][data-drawn='1'] svg")
    page.wait_for_selector("[data-chart='trend-quarterly'][data-drawn='1'] svg")
