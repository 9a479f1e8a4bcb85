"""Who may see a decision: its decision body, lead unit and executing unit (and the legal office, leaders
and administrators, who see everything); a catalogue: its organ."""

from yifa.core.access import can_see_personal_data, fetch

from .flows import lead_unit
from .models import Catalogue, Decision

UNIT_FIELDS = ("lead_unit", "decision_body", "executing_unit")


def access_decision(user, pk) -> Decision:
    qs = Decision.objects.select_related("lead_unit", "decision_body", "executing_unit", "previous", "catalogue_item")
    return fetch(qs, user, pk, *UNIT_FIELDS)


def access_catalogue(user, pk) -> Catalogue:
    return fetch(Catalogue.objects.select_related("unit").prefetch_related("items__lead_unit"), user, pk, "unit")


def can_see_contacts(user, decision) -> bool:
    """Commenters' and hearing applicants' phones: the lead unit, which must answer them and
    deliver hearing materials (第十六条第三款), and those the core lets see personal data."""
    return can_see_personal_data(user) or lead_unit(user, decision)
