"""“我的待办”中的年度计划与报告、交办任务。"""

import datetime as dt

from django.urls import reverse

from yifa.core.models import Role
from yifa.core.procedure import LEGAL_OFFICE
from yifa.lib.deadlines import rag

from .access import works_for_own_unit
from .models import AnnualReport, Assignment, AssignmentStatus, PlanState, ReportKind, ReportState, TaskState, WorkPlan
from .queries import dues_for

SOURCE = "年度计划与督办"
SOON_DAYS = 45


def items_for(user, today: dt.date):
    if works_for_own_unit(user):
        yield from _unit_items(user, today)
    if LEGAL_OFFICE(user):
        yield from _legal_office_items(today)


def _unit_items(user, today):
    reports = {(r.year, r.kind): r for r in AnnualReport.objects.filter(unit=user.unit, year__gte=today.year - 1)}
    dues = dues_for((today.year - 1, today.year))
    for year in (today.year - 1, today.year):
        for kind in ReportKind:
            due = dues[(year, kind.value)]
            report = reports.get((year, kind.value))
            if report and report.first_submitted_on and report.state != ReportState.RETURNED:
                continue
            if report is None and not -365 <= (due - today).days <= SOON_DAYS:
                continue
            title = f"{year}年{kind.label}"
            if report and report.state == ReportState.RETURNED:
                title = f"退回修改：{title}"
            elif report and report.state == ReportState.DRAFT and user.has_role(Role.HEAD):
                title = f"待审核：{title}"
            yield {
                "title": title,
                "due": due,
                "rag": rag(due, today),
                "source": SOURCE,
                "link": report.get_absolute_url() if report else reverse("plans:reports"),
                "note": f"{kind.rule.title}（{kind.rule.citation}）",
            }
    open_tasks = (
        Assignment.objects.filter(unit=user.unit, task__state=TaskState.OPEN)
        .exclude(status=AssignmentStatus.DONE)
        .select_related("task")[:50]
    )
    for a in open_tasks:
        yield {
            "title": f"交办任务：{a.task.title[:40]}",
            "due": a.task.due,
            "rag": rag(a.task.due, today),
            "source": SOURCE,
            "link": a.task.get_absolute_url(),
            "note": f"{a.get_status_display()} {a.percent}%",
        }


def _legal_office_items(today):
    for report in AnnualReport.objects.filter(state=ReportState.SUBMITTED).select_related("unit")[:50]:
        yield {
            "title": f"接收或退回：{report}",
            "due": None,
            "rag": "",
            "source": SOURCE,
            "link": report.get_absolute_url(),
            "note": f"{report.first_submitted_on:%Y-%m-%d}报送" if report.first_submitted_on else "已报送",
        }
    for plan in WorkPlan.objects.filter(state=PlanState.DRAFT)[:20]:
        yield {
            "title": f"核对并确认分解：{plan.title}",
            "due": None,
            "rag": "",
            "source": SOURCE,
            "link": plan.get_absolute_url(),
            "note": "",
        }
    overdue = (
        Assignment.objects.filter(task__state=TaskState.OPEN, task__due__lt=today)
        .exclude(status=AssignmentStatus.DONE)
        .count()
    )
    if overdue:
        yield {
            "title": f"逾期交办任务{overdue}项，待催办",
            "due": None,
            "rag": "red",
            "source": SOURCE,
            "link": reverse("plans:board"),
            "note": "",
        }
