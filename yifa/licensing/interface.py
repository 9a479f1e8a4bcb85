"""What other modules may read of licensing (the credit system, supervision): plain values, never this
module's models.

A false promise found on a post-approval check (告知承诺不实) fires ``FALSE_PROMISE_EVENT``; a module that
keeps credit records lists it in its ``receivers.py`` and reads the record with ``credit_record(obj)``.
Supervision's case-file review samples decided applications with ``decided_applications`` and reads what
the data shows of each with ``file_findings``."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from yifa.core.clocks import clocks_of_model
from yifa.core.models import DeadlineStatus

from .flows import PROMISE_CHECKS
from .models import Application, AppState, CheckState, PromiseCheck
from .rules import FALSE_PROMISE

__all__ = [
    "FALSE_PROMISE_EVENT",
    "application_link",
    "credit_record",
    "decided_applications",
    "false_promises",
    "file_findings",
]

FALSE_PROMISE_EVENT = f"{PROMISE_CHECKS.name}.find_false"


def credit_record(check: PromiseCheck) -> dict:
    """The facts of one false promise: who promised (name and 统一社会信用代码 or ID number, for the
    credit system's own encrypted store), what was licensed, when it was found, and the revocation."""
    app = check.application
    return {
        "holder_name": app.applicant_name,
        "holder_id_number": app.applicant_id_number,
        "item": app.item.name,
        "unit_id": check.unit_id,
        "decision_number": app.decision_number,
        "found_on": check.checked_on,
        "findings": check.findings,
        "consequence": "撤销行政许可",
        "basis": FALSE_PROMISE.citation,
        "link": check.get_absolute_url(),
    }


def false_promises(year: int) -> list[dict]:
    """Every false promise found in ``year`` (one query)."""
    checks = PromiseCheck.objects.select_related("application__item").filter(
        state=CheckState.FALSE, checked_on__year=year
    )
    return [credit_record(c) for c in checks.order_by("checked_on", "id")]


# ---- case-file review (supervision samples licensing files as it samples penalty files) ----------------
DECIDED_STATES = (AppState.GRANTED, AppState.REFUSED, AppState.ISSUED, AppState.REVOKED)
FILE_FIELDS = ("id", "number", "unit_id", "decided_on")


def decided_applications(*, unit_ids, start: dt.date, end: dt.date):
    """Applications decided (准予 or 不予许可) in [start, end] by the given units, ordered by id: rows of
    ``FILE_FIELDS`` (the review's population)."""
    qs = Application.objects.filter(unit_id__in=list(unit_ids), decided_on__gte=start, decided_on__lte=end)
    return qs.filter(state__in=DECIDED_STATES).order_by("id").values(*FILE_FIELDS)


def application_link(application_id: int) -> str:
    return reverse("licensing:application", args=[application_id])


def file_findings(application_ids) -> dict[int, dict]:
    """What the data already shows per application: its statutory clocks closed late (acceptance, decision,
    certificate). {id: {"late_clocks": [titles]}} (one query)."""
    ids = list(application_ids)
    found = {pk: {"late_clocks": []} for pk in ids}
    late = clocks_of_model(Application).filter(subject_id__in=[str(i) for i in ids], status=DeadlineStatus.LATE)
    for clock in late.only("subject_id", "title"):
        found[int(clock.subject_id)]["late_clocks"].append(clock.title)
    return found
