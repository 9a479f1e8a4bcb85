"""Reads: the year's required hours, each person's hours, each unit's study sessions (no query per row)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, Exists, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from yifa.core.access import scope
from yifa.core.models import Role, RoleGrant, Unit, UnitKind, User
from yifa.core.queries import counted_by

from . import rules
from .models import Attendance, Course, HoursRequirement, OfficerKind, StudySession, YearHours

TENTH = Decimal("0.1")
HOURS = DecimalField(max_digits=6, decimal_places=1)
STUDY_UNIT_KINDS = (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)  # 乡镇政府、各部门（the arrangement, 六、18）
DEFAULTS = {
    OfficerKind.GENERAL: (rules.GENERAL_HOURS_DEFAULT, rules.TRAINING_HOURS),
    OfficerKind.ENFORCEMENT: (rules.ENFORCEMENT_HOURS_DEFAULT, rules.ENFORCEMENT_TRAINING),
}


def requirements(year: int) -> dict[str, tuple[Decimal, str]]:
    """Each kind of officer's required hours in ``year`` and the basis cited for it."""
    found = {r.kind: (r.hours, r.basis) for r in HoursRequirement.objects.filter(year=year)}
    result = {}
    for kind, (hours, rule) in DEFAULTS.items():
        result[kind] = found.get(kind) or (Decimal(hours), f"默认值，{year}年度未另行设置；{rule.citation}")
    return result


def required_hours(year: int):
    """An expression for ``people_hours`` rows: the person's required hours in ``year`` (the year's
    ``HoursRequirement`` of his kind, else the default), so a count against it needs no second query."""

    def of(kind):
        default, _ = DEFAULTS[kind]
        figure = HoursRequirement.objects.filter(year=year, kind=kind).values("hours")[:1]
        return Coalesce(Subquery(figure, output_field=HOURS), Value(Decimal(default), output_field=HOURS))

    return Case(When(enforcement=True, then=of(OfficerKind.ENFORCEMENT)), default=of(OfficerKind.GENERAL))


def officer_kind(user: User) -> str:
    return OfficerKind.ENFORCEMENT if user.has_role(Role.ENFORCEMENT) else OfficerKind.GENERAL


def hours_text(value) -> str:
    """12 for 12.0, 6.5 for 6.50: hours as people write them, whatever the database returned."""
    return format(Decimal(value).normalize(), "f")


def hours_of(person_id: int, year: int) -> Decimal:
    total = Attendance.objects.filter(person_id=person_id, year=year).aggregate(s=Sum("hours"))["s"]
    return total or Decimal(0)


def people_hours(user, *, year: int, unit_id: int | None = None, short_only: bool = False):
    """The people in the user's scope (everyone for ``user=None``) with their hours in ``year`` and whether
    they hold an enforcement role."""
    hours = YearHours.objects.filter(person=OuterRef("pk"), year=year).values("hours")
    qs = User.objects.filter(is_active=True, unit__isnull=False)
    qs = scope(qs, user).select_related("unit") if user is not None else qs
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    qs = qs.annotate(
        hours=Coalesce(Subquery(hours, output_field=HOURS), Value(Decimal(0), output_field=HOURS)),
        enforcement=Exists(RoleGrant.objects.filter(user=OuterRef("pk"), role=Role.ENFORCEMENT)),
    )
    if short_only:
        need = requirements(year)
        qs = qs.filter(
            Q(enforcement=True, hours__lt=need[OfficerKind.ENFORCEMENT][0])
            | Q(enforcement=False, hours__lt=need[OfficerKind.GENERAL][0])
        )
    return qs.order_by("unit__path", "username")


def with_requirement(people, year: int) -> list:
    need = requirements(year)
    for person in people:
        kind = OfficerKind.ENFORCEMENT if person.enforcement else OfficerKind.GENERAL
        person.hours = Decimal(person.hours).quantize(TENTH)
        person.required = Decimal(need[kind][0]).quantize(TENTH)
        person.short = person.hours < person.required
    return people


def courses(user, *, year: int):
    return scope(Course.objects.select_related("unit"), user).filter(held_on__year=year).order_by("-held_on", "-id")


def with_attendee_counts(rows: list[Course]) -> list[Course]:
    """Each listed course's number of attendees, counted for the page's rows only (one query)."""
    counts = counted_by(Attendance.objects, "course", rows)
    for course in rows:
        course.attendees = counts.get(course.pk, 0)
    return rows


def course_attendance(course: Course):
    return course.attendance.select_related("person", "person__unit").order_by("person__unit__path", "person__username")


def attendance_of(course: Course, person) -> Attendance | None:
    return Attendance.objects.filter(course=course, person=person).first()


def studies(user, *, year: int, unit_id: int | None = None):
    qs = scope(StudySession.objects.select_related("unit"), user).filter(held_on__year=year)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return qs.annotate(attendance=Count("attendees")).order_by("-held_on", "-id")


def study_counts(user, *, year: int):
    """Each department and township in scope with its study sessions in ``year``."""
    sessions = (
        StudySession.objects.filter(unit=OuterRef("pk"), held_on__year=year)
        .values("unit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    units = scope(Unit.objects.filter(kind__in=STUDY_UNIT_KINDS, active=True), user, "pk")
    return units.annotate(sessions=Coalesce(Subquery(sessions), Value(0))).order_by("path")


def in_warning_period(year: int, today: dt.date) -> bool:
    return today.year == year and today >= dt.date(year, *rules.WARNING_FROM)


def units_short_of_study(*, year: int, today: dt.date, unit_ids=None) -> list[tuple[Unit, int]]:
    """In the fourth quarter of ``year``: the departments and townships with fewer study sessions than the
    arrangement's minimum, and how many they have."""
    if not in_warning_period(year, today):
        return []
    held = (
        StudySession.objects.filter(unit=OuterRef("pk"), held_on__year=year, held_on__lte=today)
        .values("unit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    units = Unit.objects.filter(kind__in=STUDY_UNIT_KINDS, active=True).order_by("path")
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    units = units.annotate(held=Coalesce(Subquery(held), Value(0))).filter(held__lt=rules.STUDY_SESSIONS_MINIMUM)
    return [(u, u.held) for u in units]


def outline_of(year: int):
    from .models import TrainingOutline

    return TrainingOutline.objects.filter(year=year).first()


def unit_plans(user, outline):
    from .models import UnitTrainingPlan

    return scope(UnitTrainingPlan.objects.filter(outline=outline).select_related("unit"), user).order_by("unit__path")


def pending_plans_of_unit(unit_id: int, year: int):
    from .models import OutlineState, PlanState, UnitTrainingPlan

    return UnitTrainingPlan.objects.filter(
        unit_id=unit_id, state=PlanState.PENDING, outline__state=OutlineState.PUBLISHED, outline__year=year
    ).select_related("outline", "unit")


MEETING_WITHIN = dt.timedelta(days=90)  # a session is offered the meetings of the next three months


def meetings_for(study):
    """The meetings of the study's unit held on or after its date (within three months): those it may
    have preceded."""
    from .models import MeetingRecord

    return MeetingRecord.objects.filter(
        unit_id=study.unit_id, held_on__gte=study.held_on, held_on__lte=study.held_on + MEETING_WITHIN
    ).order_by("held_on", "id")


def training_record(person_id: int, year: int):
    """A person's courses in ``year`` with the hours counted and, where the course had one, the exam."""
    return (
        Attendance.objects.filter(person_id=person_id, year=year)
        .select_related("course", "course__unit", "course__exam_record")
        .order_by("course__held_on", "course_id")
    )
