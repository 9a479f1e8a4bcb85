"""The annual report procedure and the closing of a supervised task."""

from yifa.core.flows import Flow, Transition, legal_office, own_unit
from yifa.core.models import Role

from .models import AssignmentStatus, ReportState, TaskState

S = ReportState


def has_content(report, **ctx):
    if not (report.body or "").strip():
        return "正文：尚未填写报告内容"
    return None


REPORT = Flow(
    "annual_report",
    ReportState,
    [
        Transition(
            "approve",
            "单位负责人审核同意",
            (S.DRAFT, S.RETURNED),
            S.APPROVED,
            who=own_unit(Role.HEAD),
            who_label="本单位负责人",
            guards=(has_content,),
        ),
        Transition(
            "submit",
            "报送",
            (S.APPROVED,),
            S.SUBMITTED,
            who=own_unit(Role.LIAISON, Role.HEAD),
            who_label="本单位联络员或负责人",
        ),
        Transition(
            "return",
            "退回修改",
            (S.SUBMITTED,),
            S.RETURNED,
            who=legal_office,
            who_label="法制机构",
            reason_required=True,
        ),
        Transition("accept", "接收", (S.SUBMITTED,), S.ACCEPTED, who=legal_office, who_label="法制机构"),
    ],
)


def every_unit_done(task, **ctx):
    pending = [a.unit.name for a in task.assignments.select_related("unit") if a.status != AssignmentStatus.DONE]
    if pending:
        return [f"{name}尚未报告完成" for name in pending]
    if not task.assignments.exists():
        return "责任单位：尚未分配"
    return None


TASK = Flow(
    "plan_task",
    TaskState,
    [
        Transition(
            "close",
            "确认办结",
            (TaskState.OPEN,),
            TaskState.CLOSED,
            who=legal_office,
            who_label="法制机构",
            guards=(every_unit_done,),
        ),
    ],
    clock_unit=lambda obj, rule: obj.plan.unit,
)
