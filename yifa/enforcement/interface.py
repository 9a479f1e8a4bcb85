"""What other modules may read of enforcement (supervision's case-file review, filing and warnings):
read-only functions returning plain values or querysets of plain rows. Nothing here writes."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q

from yifa.core.clocks import clocks_of_model, clocks_of_rule
from yifa.core.models import DeadlineStatus

from . import guards, rules
from .flows import OPEN
from .models import Case, CaseOfficer, CaseState

DECIDED_STATES = (CaseState.DECIDED, CaseState.SERVED, CaseState.CLOSED, CaseState.ANNULLED)
CASE_FIELDS = ("id", "number", "unit_id", "party_name", "violation", "filed_on", "decided_on", "state")


def decided_cases(*, unit_ids, start: dt.date, end: dt.date):
    """Penalty cases decided in [start, end] by the given units (the review's population), ordered by id:
    rows of ``CASE_FIELDS``."""
    qs = Case.objects.filter(unit_id__in=list(unit_ids), decided_on__gte=start, decided_on__lte=end)
    return qs.filter(state__in=DECIDED_STATES).order_by("id").values(*CASE_FIELDS)


def case_rows(case_ids):
    """{case id: row of ``CASE_FIELDS``}."""
    return {row["id"]: row for row in Case.objects.filter(pk__in=list(case_ids)).values(*CASE_FIELDS)}


def case_link(case_id: int) -> str:
    return f"/staff/enforcement/{case_id}/"


def file_findings(case_ids) -> dict[int, dict]:
    """What the case data already shows, per case: officers without a certificate valid on the day of the
    decision (or today, if undecided), fewer than two officers, clocks closed late, and a fine outside its
    benchmark without a written reason. {case id: {"invalid_certificates": [names], "officer_count": n,
    "late_clocks": [titles], "outside_without_reason": bool}}."""
    ids = list(case_ids)
    found = {
        pk: {"invalid_certificates": [], "officer_count": 0, "late_clocks": [], "outside_without_reason": False}
        for pk in ids
    }
    cases = {c.pk: c for c in Case.objects.filter(pk__in=ids).select_related("benchmark")}
    links = CaseOfficer.objects.filter(case_id__in=ids).select_related("certificate__officer")
    for link in links:
        case = cases[link.case_id]
        on = case.decided_on or case.filed_on
        found[link.case_id]["officer_count"] += 1
        if not link.certificate.usable_on(on):
            found[link.case_id]["invalid_certificates"].append(link.certificate.officer.name)
    late = clocks_of_model(Case).filter(subject_id__in=[str(i) for i in ids], status=DeadlineStatus.LATE)
    for clock in late.only("subject_id", "title"):
        found[int(clock.subject_id)]["late_clocks"].append(clock.title)
    for pk, case in cases.items():
        if case.benchmark and case.fine is not None and not case.benchmark.contains(case.fine):
            found[pk]["outside_without_reason"] = not case.outside_reason.strip()
    return found


def lapsed_certificates_on_open_cases(today: dt.date):
    """Officers on an open case whose certificate is not usable today (expired, suspended, revoked):
    [{"case_id", "case_number", "unit_id", "officer", "certificate", "status", "valid_until"}]."""
    unusable = Q(certificate__state__in=["suspended", "revoked"]) | Q(certificate__valid_until__lt=today)
    rows = (
        CaseOfficer.objects.filter(case__state__in=OPEN)
        .filter(unusable)
        .select_related("case", "certificate__officer")
        .order_by("case_id", "id")
    )
    return [
        {
            "case_id": r.case_id,
            "case_number": r.case.number,
            "unit_id": r.case.unit_id,
            "officer": r.certificate.officer.name,
            "certificate": r.certificate.number,
            "status": r.certificate.status_label_on(today),
            "valid_until": r.certificate.valid_until,
        }
        for r in rows
    ]


def cases_near_or_past_limit(today: dt.date, horizon: dt.date):
    """Running 办案期限 clocks (处罚法第六十条) due on or before ``horizon``: core Deadline rows, with unit."""
    return (
        clocks_of_rule(rules.DECISION)
        .filter(status=DeadlineStatus.RUNNING, due__lte=horizon)
        .select_related("unit")
        .order_by("due", "id")
    )


def outside_benchmark_without_reason():
    """Cases whose fine lies outside the benchmark applied and that give no reason: rows of ``CASE_FIELDS``."""
    outside = Q(fine__lt=F("benchmark__fine_min")) | Q(fine__gt=F("benchmark__fine_max"))
    return Case.objects.filter(outside, benchmark__isnull=False, outside_reason="").values(*CASE_FIELDS)


def major_decision(case) -> dict | None:
    """For the ``penalty_case.decide`` event's record: its plain facts when it is a major decision (the
    city's catalogue, 处罚法第五十八条第一款), else None."""
    if not guards.is_major(case):
        return None
    return {
        "case_id": case.pk,
        "number": case.number,
        "decision_number": case.decision_number,
        "unit_id": case.unit_id,
        "party_name": case.party_name,
        "decided_on": case.decided_on,
        "penalty": case.get_heaviest_kind_display(),
        "fine": case.fine,
    }


def bodies_with_usable_certificates(on: dt.date):
    """Bodies (执法主体) having at least one certificate usable on ``on``, by name: a queryset of Body."""
    from .models import Body

    usable = Q(officers__certificates__state="valid", officers__certificates__valid_from__lte=on)
    usable &= Q(officers__certificates__valid_until__gte=on)
    return Body.objects.filter(usable).select_related("unit").distinct().order_by("name")


def usable_certificates(body, on: dt.date):
    """The body's certificates usable on ``on`` (a queryset of Certificate, with the officer)."""
    from .queries import usable_certificates as usable

    return usable(body, on)


def case_by_number(*, unit_ids, number: str) -> dict | None:
    """The case numbered ``number`` in one of the units (a complaint's link): its row of ``CASE_FIELDS`` with
    its officers' names under "officers", or None."""
    case = Case.objects.filter(unit_id__in=list(unit_ids), number=number.strip()).values(*CASE_FIELDS).first()
    if case is None:
        return None
    names = CaseOfficer.objects.filter(case_id=case["id"]).values_list("certificate__officer__name", flat=True)
    return {**case, "officers": list(names)}
