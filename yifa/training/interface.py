"""What other modules may read of training (the assessment and the 述法 draft): plain numbers by unit,
never this module's models. Each function is one or two queries whatever the number of units."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count

from .models import Course, OfficerKind, StudySession
from .queries import people_hours, requirements
from .rules import STUDY_SESSIONS_MINIMUM

__all__ = ["STUDY_SESSIONS_MINIMUM", "hours_met_by_unit", "study_sessions_by_unit", "unit_year"]


def hours_met_by_unit(year: int) -> dict[int, tuple[int, int]]:
    """{unit id: (people who met their required hours in ``year``, active people)} in two queries."""
    need = requirements(year)
    people = people_hours(None, year=year).order_by().values_list("unit_id", "hours", "enforcement")
    result: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for unit_id, hours, enforcement in people:
        kind = OfficerKind.ENFORCEMENT if enforcement else OfficerKind.GENERAL
        result[unit_id][1] += 1
        if hours >= need[kind][0]:
            result[unit_id][0] += 1
    return {unit: (met, total) for unit, (met, total) in result.items()}


def study_sessions_by_unit(year: int) -> dict[int, int]:
    """{unit id: leading-group study sessions held in ``year``}."""
    return dict(
        StudySession.objects.filter(held_on__year=year)
        .values_list("unit")
        .annotate(n=Count("pk"))
        .values_list("unit", "n")
    )


def unit_year(unit_id: int, year: int) -> dict:
    """A unit's training and study in ``year``, for the leader's 述法 report."""
    met, total = hours_met_by_unit(year).get(unit_id, (0, 0))
    studies = [
        {"on": s.held_on, "kind": s.get_kind_display(), "law": s.law_studied, "speaker": s.speaker}
        for s in StudySession.objects.filter(unit_id=unit_id, held_on__year=year).order_by("held_on")
    ]
    return {
        "courses": Course.objects.filter(unit_id=unit_id, held_on__year=year).count(),
        "people_met": met,
        "people": total,
        "studies": studies,
    }
