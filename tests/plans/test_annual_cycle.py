"""A year's cycle end to end: plans due, reminders, late marks, return, acceptance, publication."""

import datetime as dt

import pytest
from django.core.management import call_command

from yifa.core.errors import AccessDenied, GateBlocked, YifaError
from yifa.core.models import Event, Notification
from yifa.plans import services, tasks
from yifa.plans.models import AnnualReport, ReportKind, ReportState, publication_due
from yifa.plans.queries import compliance_board, due_for

D = dt.date
pytestmark = pytest.mark.django_db


def board(year, kind, today):
    return {row.unit.short_name: row for row in compliance_board(year=year, today=today, kinds=[kind])}


def test_default_due_dates_follow_the_arrangement_and_the_national_rules():
    assert due_for(2026, ReportKind.PLAN) == D(2026, 3, 31)  # 每年第一季度
    assert due_for(2026, ReportKind.SUMMARY) == D(2026, 12, 31)  # 年底前
    # 督察工作规定第二十三条“3月1日之前”: 1 March itself is excluded
    assert due_for(2025, ReportKind.RULE_OF_LAW) == D(2026, 2, 28)
    assert due_for(2027, ReportKind.RULE_OF_LAW) == D(2028, 2, 29)  # a leap year
    assert publication_due(2025) == D(2026, 3, 31)  # 第二十四条“4月1日之前”


def test_due_date_is_configurable_per_year_and_kind(cast):
    services.report_due_set(
        by=cast["reviewer"], year=2026, kind=ReportKind.PLAN, due=D(2026, 3, 20), note="市政府办公室通知"
    )
    assert due_for(2026, ReportKind.PLAN) == D(2026, 3, 20)
    assert due_for(2027, ReportKind.PLAN) == D(2027, 3, 31)
    with pytest.raises(AccessDenied):
        services.report_due_set(by=cast["minzheng_liaison"], year=2026, kind=ReportKind.PLAN, due=D(2026, 4, 1))


def test_year_cycle_reminders_late_marks_return_accept_and_publication(cast, draft_plan, client):
    plan = draft_plan(is_public=True)
    services.report_approve(by=cast["minzheng_head"], report=plan, on=D(2026, 3, 18))
    services.report_submit(by=cast["minzheng_liaison"], report=plan, on=D(2026, 3, 20))
    plan.refresh_from_db()
    assert plan.state == ReportState.SUBMITTED and plan.first_submitted_on == D(2026, 3, 20)
    # 抄报: the legal office has it in its inbox without anyone sending it.
    assert Notification.objects.filter(user=cast["reviewer"], title__startswith="抄报").exists()

    # 26 March 2026 (Thu): three working days before 31 March (Tue) — a reminder to the units not done.
    call_command("sweep", "--today", "2026-03-26")
    reminded = Notification.objects.filter(title__contains="2026年年度依法行政工作计划将于")
    assert reminded.filter(user=cast["shijian_liaison"]).exists()
    assert not reminded.filter(user=cast["minzheng_liaison"]).exists()
    assert tasks.daily(D(2026, 3, 26)).startswith("年度计划与报告：到期提醒0条")  # idempotent

    # 1 April: late.
    tasks.daily(D(2026, 4, 1))
    assert Notification.objects.filter(user=cast["shijian_head"], title="逾期未报：2026年年度依法行政工作计划").exists()
    rows = board(2026, ReportKind.PLAN, D(2026, 4, 1))
    assert (rows["民政局"].status, rows["民政局"].label) == ("on_time", "按时报送")
    assert (rows["市场监管局"].status, rows["市场监管局"].label) == ("missing", "逾期未报")

    late = draft_plan(unit="市场监管局", liaison="shijian_liaison")
    services.report_approve(by=cast["shijian_head"], report=late)
    services.report_submit(by=cast["shijian_liaison"], report=late, on=D(2026, 4, 3))
    assert board(2026, ReportKind.PLAN, D(2026, 4, 3))["市场监管局"].label == "逾期报送"

    # The legal office returns 民政局's plan; the unit revises, approves and submits again.
    services.report_return(by=cast["reviewer"], report=plan, comment="缺少重大行政决策目录编制安排", on=D(2026, 3, 23))
    plan.refresh_from_db()
    assert plan.state == ReportState.RETURNED and plan.return_comment == "缺少重大行政决策目录编制安排"
    assert Notification.objects.filter(user=cast["minzheng_liaison"], title__startswith="退回修改").exists()
    plan = services.report_edit(
        by=cast["minzheng_liaison"],
        report=plan,
        title=plan.title,
        body=plan.body + "三、编制重大行政决策事项目录。",
        is_public=True,
    )
    services.report_approve(by=cast["minzheng_head"], report=plan)
    services.report_submit(by=cast["minzheng_liaison"], report=plan, on=D(2026, 4, 7))
    # Still on time: the first submission was before the due date.
    assert board(2026, ReportKind.PLAN, D(2026, 4, 7))["民政局"].label == "按时报送"

    assert client.get("/").content.decode().count("江临市民政局2026年依法行政工作计划") == 0
    services.report_accept(by=cast["reviewer"], report=plan, on=D(2026, 4, 8))
    plan.refresh_from_db()
    assert plan.state == ReportState.ACCEPTED and plan.published_on == D(2026, 4, 8)
    assert "江临市民政局2026年依法行政工作计划" in client.get("/").content.decode()
    page = client.get(f"/plans/reports/{plan.pk}/").content.decode()
    assert "编制重大行政决策事项目录" in page
    actions = list(
        Event.objects.filter(subject_id=str(plan.pk), action__startswith="annual_report").values_list(
            "action", flat=True
        )
    )
    assert actions == [
        "annual_report.create",
        "annual_report.approve",
        "annual_report.submit",
        "annual_report.return",
        "annual_report.edit",
        "annual_report.approve",
        "annual_report.submit",
        "annual_report.accept",
    ]


def test_reports_not_marked_public_stay_off_the_portal(cast, draft_plan, client):
    plan = draft_plan(is_public=False)
    services.report_approve(by=cast["minzheng_head"], report=plan)
    services.report_submit(by=cast["minzheng_liaison"], report=plan)
    services.report_accept(by=cast["reviewer"], report=plan)
    assert plan.title not in client.get("/").content.decode()
    assert client.get(f"/plans/reports/{plan.pk}/").status_code == 404


def test_only_the_units_head_approves_and_every_missing_condition_is_listed(cast, draft_plan):
    plan = draft_plan(body="")
    with pytest.raises(AccessDenied):
        services.report_approve(by=cast["minzheng_liaison"], report=plan)
    with pytest.raises(AccessDenied):
        services.report_approve(by=cast["shijian_head"], report=plan)
    with pytest.raises(GateBlocked) as blocked:
        services.report_approve(by=cast["minzheng_head"], report=plan)
    assert blocked.value.unmet == ["正文：尚未填写报告内容"]
    with pytest.raises(GateBlocked) as blocked:
        services.report_submit(by=cast["minzheng_liaison"], report=plan)
    assert "当前状态为“起草中”，不能报送" in blocked.value.unmet[0]
    plan.refresh_from_db()
    assert plan.state == ReportState.DRAFT and plan.first_submitted_on is None


def test_return_needs_a_comment_and_only_the_legal_office_returns(cast, draft_plan):
    plan = draft_plan()
    services.report_approve(by=cast["minzheng_head"], report=plan)
    services.report_submit(by=cast["minzheng_liaison"], report=plan)
    with pytest.raises(AccessDenied):
        services.report_return(by=cast["shijian_head"], report=plan, comment="不行")
    with pytest.raises(GateBlocked) as blocked:
        services.report_return(by=cast["reviewer"], report=plan, comment=" ")
    assert blocked.value.unmet == ["退回修改须填写理由"]
    plan.refresh_from_db()
    assert plan.state == ReportState.SUBMITTED


def test_bad_draft_input_names_the_field_and_writes_nothing(cast):
    with pytest.raises(YifaError) as error:
        services.report_create(
            by=cast["minzheng_liaison"], unit=cast["民政局"], year=2026, kind="plan", title=" ", body="x"
        )
    assert "标题：必须填写" in error.value.message
    with pytest.raises(YifaError) as error:
        services.report_create(
            by=cast["minzheng_liaison"], unit=cast["民政局"], year=1900, kind="weekly", title="计划", body="x"
        )
    assert "报告类型" in error.value.message and "年度：须在2000至2100之间" in error.value.message
    with pytest.raises(AccessDenied):
        services.report_create(
            by=cast["shijian_liaison"], unit=cast["民政局"], year=2026, kind="plan", title="计划", body="x"
        )
    assert AnnualReport.objects.count() == 0 and Event.objects.count() == 0


def test_a_unit_has_one_report_of_a_kind_per_year(cast, draft_plan):
    draft_plan()
    with pytest.raises(YifaError) as error:
        draft_plan()
    assert "江临市民政局2026年已有年度依法行政工作计划" in error.value.message
    assert AnnualReport.objects.count() == 1


def test_stale_edit_is_refused(cast, draft_plan):
    plan = draft_plan()
    services.report_edit(
        by=cast["minzheng_liaison"],
        report=plan,
        title="新标题",
        body="甲",
        expected_version=1,
    )
    with pytest.raises(YifaError) as error:
        services.report_edit(
            by=cast["minzheng_head"],
            report=plan,
            title="旧标题",
            body="乙",
            expected_version=1,
        )
    assert "已被他人修改" in error.value.message
    plan.refresh_from_db()
    assert plan.title == "新标题"


def test_rule_of_law_report_on_2025_submitted_on_first_of_march_2026_is_late(cast, draft_plan):
    # “3月1日之前”: 1 March itself is already too late
    report = draft_plan(kind="rule_of_law", year=2025, title="民政局2025年法治政府建设年度报告")
    services.report_approve(by=cast["minzheng_head"], report=report)
    services.report_submit(by=cast["minzheng_liaison"], report=report, on=D(2026, 3, 1))
    rows = board(2025, ReportKind.RULE_OF_LAW, D(2026, 3, 1))
    assert rows["民政局"].label == "逾期报送" and rows["民政局"].due == D(2026, 2, 28)


def test_rule_of_law_report_page_shows_the_first_of_april_publication_deadline(cast, draft_plan, login):
    report = draft_plan(kind="rule_of_law", year=2025, title="民政局2025年法治政府建设年度报告", is_public=True)
    services.report_approve(by=cast["minzheng_head"], report=report)
    services.report_submit(by=cast["minzheng_liaison"], report=report, on=D(2026, 2, 20))
    services.report_accept(by=cast["reviewer"], report=report, on=D(2026, 4, 1))
    page = login(cast["minzheng_liaison"]).get(f"/staff/plans/reports/{report.pk}/").content.decode()
    assert "最迟应于2026年3月31日向社会公开" in page and "第二十四条" in page and "逾期公开" in page
