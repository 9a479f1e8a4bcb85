"""What other modules may read of training (the assessment and the 述法 draft): plain numbers by unit,
never this module's models. Each function is one or two queries whatever the number of units."""

from __future__ import annotations

from django.db.models import Count, F, Q

from yifa.core.models import Unit

from .models import Course, StudySession
from .queries import people_hours, required_hours
from .receivers import DECISION_MEETING
from .rules import STUDY_SESSIONS_MINIMUM

MAX_LISTED = 50  # a city report lists the first sessions and counts them all

__all__ = [
    "STUDY_SESSIONS_MINIMUM",
    "hours_met_by_unit",
    "studies_before_decision_meetings",
    "study_sessions_by_unit",
    "unit_year",
]


def hours_met_by_unit(year: int) -> dict[int, tuple[int, int]]:
    """{unit id: (people who met their required hours in ``year``, active people)} in one query: each
    person's requirement is the year's figure for his kind (or the default), read in the same query."""
    people = people_hours(None, year=year).order_by()
    people = people.annotate(required=required_hours(year)).values("unit_id")
    rows = people.annotate(total=Count("pk"), met=Count("pk", filter=Q(hours__gte=F("required"))))
    return {r["unit_id"]: (r["met"], r["total"]) for r in rows}


def study_sessions_by_unit(year: int) -> dict[int, int]:
    """{unit id: leading-group study sessions held in ``year``}."""
    return dict(
        StudySession.objects.filter(held_on__year=year)
        .values_list("unit")
        .annotate(n=Count("pk"))
        .values_list("unit", "n")
    )


def unit_year(unit, year: int) -> dict:
    """``unit``'s (a ``core.Unit``) training and study in ``year``, with the units under it (a city's report
    covers its departments), for the leader's 述法 report and the annual 法治政府建设 report."""
    under = {"unit__path__startswith": unit.path}
    met = total = 0
    units = set(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))
    for unit_id, (m, t) in hours_met_by_unit(year).items():
        if unit_id in units:
            met, total = met + m, total + t
    studies = [
        {"on": s.held_on, "kind": s.get_kind_display(), "law": s.law_studied, "speaker": s.speaker, "unit": s.unit.name}
        for s in StudySession.objects.filter(held_on__year=year, **under)
        .select_related("unit")
        .order_by("held_on")[:MAX_LISTED]
    ]
    return {
        "courses": Course.objects.filter(held_on__year=year, **under).count(),
        "people_met": met,
        "people": total,
        "studies": studies,
        "study_count": StudySession.objects.filter(held_on__year=year, **under).count(),
    }


def studies_before_decision_meetings(meeting_ids) -> dict[int, list[dict]]:
    """{decisions meeting id: the 会前学法 sessions attached to that meeting}, in one query, each as
    ``{"title", "law", "on", "speaker", "kind", "url"}`` (the session's page in this module)."""
    sources = {DECISION_MEETING.format(pk): pk for pk in meeting_ids}
    if not sources:
        return {}
    found: dict[int, list[dict]] = {}
    sessions = (
        StudySession.objects.filter(meeting_record__source__in=list(sources))
        .select_related("meeting_record")
        .order_by("held_on", "id")
    )
    for s in sessions:
        found.setdefault(sources[s.meeting_record.source], []).append(
            {
                "title": str(s),
                "law": s.law_studied,
                "on": s.held_on,
                "speaker": s.speaker,
                "kind": s.get_kind_display(),
                "url": s.get_absolute_url(),
            }
        )
    return found
