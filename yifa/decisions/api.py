"""/api/decisions/: decisions in scope, their gaps and clocks, the timeline, sending for review;
and the public part (drafts open for comment, commenting, looking up an answer)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from yifa.core.clocks import clocks_of
from yifa.core.errors import NotFound
from yifa.core.pagination import CursorlessPagination
from yifa.core.public_forms import check_rate

from . import queries, rules, services
from .access import access_decision
from .flows import DECISION_FLOW
from .guards import step_gaps
from .services.participation import MAX_COMMENT

router = Router(tags=["重大行政决策"])


class DecisionOut(Schema):
    id: int
    title: str
    round: int
    state: str
    state_label: str
    decision_body: str
    lead_unit: str
    started_on: dt.date
    comment_opens: dt.date | None
    comment_closes: dt.date | None
    published_on: dt.date | None
    version: int

    @staticmethod
    def resolve_state_label(obj):
        return obj.get_state_display()

    @staticmethod
    def resolve_decision_body(obj):
        return obj.decision_body.name

    @staticmethod
    def resolve_lead_unit(obj):
        return obj.lead_unit.name


class StepOut(Schema):
    key: str
    label: str
    article: str


class ClockOut(Schema):
    title: str
    rule_id: str
    due: dt.date | None
    status: str
    explanation: str


class DecisionDetail(DecisionOut):
    required_steps: list[StepOut]
    missing: list[str]
    clocks: list[ClockOut]


class EventOut(Schema):
    at: dt.datetime
    action: str
    action_label: str
    actor_name: str
    reason: str


class ReviewIn(Schema):
    planned_meeting_on: dt.date
    procedure_note: str
    short_reason: str = ""
    version: int = Field(..., ge=0, description="读取时的版本号（防止覆盖他人的修改）")


class CommentIn(Schema):
    body: str = Field(max_length=MAX_COMMENT)
    paragraph: int | None = Field(None, ge=1, le=10000)
    name: str = Field("", max_length=50)
    phone: str = Field("", max_length=20)
    anonymous: bool = False


class CommentOut(Schema):
    code: str
    paragraph: int | None
    body: str
    response: str
    response_label: str
    response_reason: str

    @staticmethod
    def resolve_response_label(obj):
        return obj.get_response_display()


@router.get("/", response=list[DecisionOut])
@paginate(CursorlessPagination)
def decisions(request, state: str = ""):
    return queries.decisions_for(request.user, state=state)


@router.get("/{int:pk}", response=DecisionDetail)
def decision(request, pk: int):
    d = access_decision(request.user, pk)
    today = timezone.localdate()
    d.required_steps = [{"key": s.key, "label": s.label, "article": s.rule.citation} for s in rules.required_steps(d)]
    d.missing = step_gaps(d, today) if DECISION_FLOW.is_open(d, "submit_review") else []
    d.clocks = list(clocks_of(d, open_only=False))
    return d


@router.get("/{int:pk}/timeline", response=list[EventOut])
def timeline(request, pk: int):
    return list(queries.chain_timeline(access_decision(request.user, pk)))


@router.post("/{int:pk}/review", response=DecisionOut)
def submit_for_review(request, pk: int, payload: ReviewIn):
    d = access_decision(request.user, pk)
    return services.review_submit(
        by=request.user,
        decision=d,
        planned_meeting_on=payload.planned_meeting_on,
        procedure_note=payload.procedure_note,
        short_reason=payload.short_reason,
        expected_version=payload.version,
    )


@router.get("/public/open", response=list[DecisionOut], auth=None)
def open_for_comment(request):
    return list(queries.open_for_comment(timezone.localdate())[:100])


@router.post(
    "/public/{int:pk}/comments",
    response={201: CommentOut},
    auth=None,
    openapi_extra={"x-errors": [400, 404, 422, 429]},
)
def comment(request, pk: int, payload: CommentIn):
    check_rate(request, "decisions_comment")
    d = queries.public_decision(pk, timezone.localdate())
    if d is None:
        raise NotFound("没有该决策事项")
    return Status(201, services.comment_submit(decision=d, **payload.dict()))


@router.get("/public/comments/{code}", response=CommentOut, auth=None)
def comment_answer(request, code: str):
    found = queries.comment_by_code(code)
    if found is None:
        raise NotFound("查询码不存在")
    return found
