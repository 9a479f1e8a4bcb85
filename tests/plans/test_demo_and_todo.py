"""The demo city's annual cycle loads through the services; to-do items reach the right people."""

import datetime as dt

import pytest

from yifa.plans import demo, todo
from yifa.plans.models import AnnualReport, PlanState, WorkPlan

pytestmark = pytest.mark.django_db


def test_demo_loads_reports_an_assigned_plan_information_and_institutions(cast):
    demo.load(cast)
    assert AnnualReport.objects.filter(state="accepted", is_public=True).count() == 2
    plan = WorkPlan.objects.get()
    assert plan.state == PlanState.CONFIRMED and plan.tasks.count() >= 19


def test_todo_lists_due_reports_for_the_unit_and_submissions_for_the_legal_office(cast, draft_plan):
    from yifa.plans import services

    today = dt.date(2026, 3, 25)
    titles = [i["title"] for i in todo.items_for(cast["minzheng_head"], today)]
    assert "2026年年度依法行政工作计划" in titles
    report = draft_plan()
    titles = [i["title"] for i in todo.items_for(cast["minzheng_head"], today)]
    assert "待审核：2026年年度依法行政工作计划" in titles
    services.report_approve(by=cast["minzheng_head"], report=report)
    services.report_submit(by=cast["minzheng_liaison"], report=report, on=today)
    assert not any("2026年年度依法行政工作计划" in i["title"] for i in todo.items_for(cast["minzheng_head"], today))
    legal = [i["title"] for i in todo.items_for(cast["reviewer"], today)]
    assert "接收或退回：江临市民政局2026年年度依法行政工作计划" in legal
    assert list(todo.items_for(cast["shijian_officer"], today)) == []


def test_legal_office_workspace_opens_with_a_submitted_report_missing_its_date(cast, login):
    """Seeded or imported reports may lack a first-submission date; the to-do list must still render."""
    AnnualReport.objects.create(
        unit=cast.units["民政局"], year=2025, kind="summary", state="submitted", title="民政局2025年工作总结"
    )
    page = login(cast["reviewer"]).get("/staff/")
    assert page.status_code == 200
    assert "接收或退回：" in page.content.decode() and "已报送" in page.content.decode()
