"""/api/training/: hours per person, study sessions per unit; recording a course or a study session."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yifa.core.access import scope
from yifa.core.api import year_query
from yifa.core.errors import InvalidInput
from yifa.core.models import User
from yifa.core.pagination import CursorlessPagination

from . import queries, services
from .models import CourseKind, StudyKind

router = Router(tags=["培训与学法"])


class HoursOut(Schema):
    person_id: int = Field(alias="pk")
    name: str = Field(alias="display_name")
    unit: str
    enforcement: bool
    hours: Decimal
    required: Decimal
    short: bool

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name


class HoursFilter(Schema):
    year: int | None = year_query()
    short: bool = False


class StudyCountOut(Schema):
    unit_id: int = Field(alias="pk")
    unit: str = Field(alias="name")
    sessions: int
    warned: bool


class CourseIn(Schema):
    topic: str = Field(max_length=200)
    kind: CourseKind = CourseKind.ORGANISED
    teacher: str = Field("", max_length=100)
    held_on: dt.date
    hours: Decimal = Field(gt=0, le=200, decimal_places=1)
    materials: str = Field("", max_length=5000)
    attendees: list[int] = Field([], max_length=2000)  # may be empty when people sign in by QR
    signin_opens: dt.datetime | None = None
    signin_closes: dt.datetime | None = None


class StudyIn(Schema):
    kind: StudyKind
    held_on: dt.date
    law_studied: str = Field(max_length=200)
    speaker: str = Field(max_length=100)
    meeting: str = Field("", max_length=200)
    meeting_link: str = Field("", max_length=300)
    attendees: list[int] = Field(min_length=1, max_length=500)


class CreatedOut(Schema):
    id: int


def _people(request, ids: list[int]):
    found = list(scope(User.objects.filter(pk__in=ids, is_active=True), request.user).select_related("unit"))
    if len(found) != len(set(ids)):
        raise InvalidInput({"attendees": "参训人员：含有不存在或不在您管理范围内的人员"})
    return found


@router.get("/hours", response=list[HoursOut])
@paginate(CursorlessPagination)
def hours(request, filters: Query[HoursFilter]):
    year = filters.year or timezone.localdate().year
    rows = queries.people_hours(request.user, year=year, short_only=filters.short)
    return _RequirementSlices(rows, year)


class _RequirementSlices:
    """A queryset whose slices carry each person's requirement (one read of the year's figures)."""

    def __init__(self, qs, year):
        self.qs, self.year = qs, year

    def __getitem__(self, key):
        return queries.with_requirement(list(self.qs[key]), self.year)


@router.get("/study", response=list[StudyCountOut])
def study_counts(request, year: int | None = year_query()):
    today = timezone.localdate()
    year = year or today.year
    warned = {u.pk for u, _ in queries.units_short_of_study(year=year, today=today)}
    rows = list(queries.study_counts(request.user, year=year))
    for u in rows:
        u.warned = u.pk in warned
    return rows


@router.post("/courses", response={201: CreatedOut})
def course_create(request, payload: CourseIn):
    data = payload.dict()
    data["attendees"] = _people(request, data["attendees"])
    course = services.course_record(by=request.user, unit=request.user.unit, **data)
    return Status(201, {"id": course.pk})


@router.post("/study", response={201: CreatedOut})
def study_create(request, payload: StudyIn):
    data = payload.dict()
    data["attendees"] = _people(request, data["attendees"])
    session = services.study_record(by=request.user, unit=request.user.unit, **data)
    return Status(201, {"id": session.pk})
