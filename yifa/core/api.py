"""Core endpoints: me, units, deadlines, rules, calendar, deadline calculator."""

import datetime as dt

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS, Pause, compute_due
from yifa.lib.law import all_rules

from . import queries
from .calendar import current_calendar
from .errors import YifaError
from .models import Unit
from .pagination import CursorlessPagination
from .services import FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR

router = Router(tags=["基础平台"])


def year_query():
    """A year in a query string, bounded like the calendar (a date past 9999 is a server error)."""
    first, last = FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR
    return Query(None, ge=first, le=last, description=f"年度（{first}至{last}），缺省为今年")


class MeOut(Schema):
    username: str
    full_name: str
    unit: str | None
    roles: list[str]
    sees_everything: bool


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    parent_id: int | None
    is_legal_office: bool


class DeadlineOut(Schema):
    id: int
    subject_label: str
    title: str
    rule_id: str
    unit_id: int
    start: dt.date
    due: dt.date | None
    status: str
    explanation: str


class DeadlineFilter(Schema):
    status: str = Field("open", max_length=20)
    unit: int | None = Field(None, ge=1, le=2**63 - 1)
    within_days: int | None = Field(None, ge=0, le=3660, description="届满日在今后多少天内（0至3660）")


class RuleOut(Schema):
    id: str
    title: str
    law: str
    law_version: str
    article: str
    days: int | None
    unit: str | None
    extension_days: int | None


class DueIn(Schema):
    start: dt.date
    days: int
    workdays: bool = False
    pauses: list[tuple[dt.date, dt.date]] = Field(default=[], max_length=20)
    extend: int = 0


class DueOut(Schema):
    due: dt.date
    explanation: list[str]


@router.get("/me", response=MeOut, summary="当前用户：单位、角色、可见范围")
def me(request):
    u = request.user
    return {
        "username": u.username,
        "full_name": u.full_name,
        "unit": u.unit.name if u.unit else None,
        "roles": sorted(u.role_set),
        "sees_everything": u.sees_everything,
    }


@router.get("/units", response=list[UnitOut], summary="单位（分页）")
@paginate(CursorlessPagination)
def units(request):
    return Unit.objects.order_by("path")


@router.get("/deadlines", response=list[DeadlineOut], summary="本人可见的法定期限（分页，按届满日排序）")
@paginate(CursorlessPagination)
def deadlines(request, filters: Query[DeadlineFilter]):
    return queries.deadlines_for(
        request.user,
        status=filters.status,
        unit_id=filters.unit,
        within_days=filters.within_days,
        today=timezone.localdate(),
    )


@router.get("/rules", response=list[RuleOut], auth=None, summary="法定期限与程序关口及其法律依据")
def rules(request):
    return [r.as_dict() for r in all_rules()]


@router.post(
    "/deadline",
    response=DueOut,
    auth=None,
    summary="期限计算器：届满日及计算说明",
    openapi_extra={"x-errors": [400, 422]},  # computes, stores nothing: no record to miss or to conflict
)
def deadline(request, payload: DueIn):
    try:
        pauses = [Pause(a, b) for a, b in payload.pauses]
        result = compute_due(
            payload.start,
            payload.days,
            WORKDAYS if payload.workdays else CALENDAR_DAYS,
            current_calendar(),
            pauses=pauses,
            extension=payload.extend,
        )
    except (ValueError, OverflowError) as exc:
        raise YifaError(f"期限计算：{exc}", field="days") from None
    return {"due": result.due, "explanation": result.explanation}
