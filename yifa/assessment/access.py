"""A unit's score is seen by the unit (and those above it), the legal office and the leaders."""

from yifa.core.access import fetch, scope
from yifa.core.models import Unit

from .models import LeaderReport, Objection


def access_unit(user, pk) -> Unit:
    """One query when the unit is in scope; the refusal (403 or 404) is told apart only when it is not."""
    unit = scope(Unit.objects.filter(pk=pk), user, "pk").first()
    return unit if unit is not None else fetch(Unit.objects.all(), user, pk, "pk")


def access_report(user, pk) -> LeaderReport:
    return fetch(LeaderReport.objects.select_related("unit"), user, pk)


def access_objection(user, pk) -> Objection:
    return fetch(Objection.objects.select_related("unit"), user, pk)
