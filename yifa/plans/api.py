"""/api/plans/: the compliance board, plan parsing (writes nothing), tasks in scope and progress reports."""

import datetime as dt

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from yifa.core.api import year_query
from yifa.core.pagination import CursorlessPagination

from . import queries, supervision
from .access import access_assignment
from .parsing import parse_plan

router = Router(tags=["年度计划与督办"])


class ComplianceOut(Schema):
    unit_id: int
    unit: str
    kind: str
    due: dt.date
    status: str
    label: str
    submitted_on: dt.date | None
    state: str | None


class ParseIn(Schema):
    text: str
    year: int | None = None


class AssignmentOut(Schema):
    id: int
    plan: str
    number: str
    title: str
    unit: str
    due: dt.date | None
    status: str
    percent: int
    overdue: bool
    version: int

    @staticmethod
    def resolve_plan(obj):
        return obj.task.plan.title

    @staticmethod
    def resolve_number(obj):
        return obj.task.number

    @staticmethod
    def resolve_title(obj):
        return obj.task.title

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name

    @staticmethod
    def resolve_due(obj):
        return obj.task.due

    @staticmethod
    def resolve_overdue(obj):
        return obj.overdue(timezone.localdate())


class TaskFilter(Schema):
    plan: int | None = None
    overdue: bool = False


class ProgressIn(Schema):
    status: str
    percent: int
    narrative: str
    version: int = Field(..., ge=0, description="读取时的版本号（任务列表给出；防止覆盖他人的修改）")


@router.get("/compliance", response=list[ComplianceOut])
def compliance(request, year: int | None = year_query()):
    today = timezone.localdate()
    rows = queries.compliance_board(year=year or today.year, today=today, user=request.user)
    return [
        {
            "unit_id": r.unit.pk,
            "unit": r.unit.name,
            "kind": r.kind,
            "due": r.due,
            "status": r.status,
            "label": r.label,
            "submitted_on": r.report.first_submitted_on if r.report else None,
            "state": r.report.state if r.report else None,
        }
        for r in rows
    ]


@router.post("/parse")
def parse(request, payload: ParseIn):
    """Split a plan's text into sections and tasks with suggested units and deadlines; nothing is saved."""
    text = payload.text[: supervision.MAX_PLAN_CHARS]
    return parse_plan(text, year=payload.year, unit_names=queries.unit_names()).as_dict()


@router.get("/tasks", response=list[AssignmentOut])
@paginate(CursorlessPagination)
def tasks(request, filters: Query[TaskFilter]):
    today = timezone.localdate()
    return queries.assignments_for(request.user, plan=filters.plan, overdue_on=today if filters.overdue else None)


@router.post("/tasks/{assignment_id}/progress", response=AssignmentOut)
def progress(request, assignment_id: int, payload: ProgressIn):
    assignment = access_assignment(request.user, assignment_id)
    supervision.progress_report(
        by=request.user,
        assignment=assignment,
        status=payload.status,
        percent=payload.percent,
        narrative=payload.narrative,
        expected_version=payload.version,
    )
    assignment.refresh_from_db()
    return assignment
