"""Who may see a decision: its decision body, lead unit and executing unit (and the
legal office, leaders and administrators, who see everything)."""
from yifa.core.access import fetch

from .models import Decision

UNIT_FIELDS = ("lead_unit", "decision_body", "executing_unit")


def access_decision(user, pk) -> Decision:
    qs = Decision.objects.select_related("lead_unit", "decision_body", "executing_unit", "previous",
                                         "catalogue_item")
    return fetch(qs, user, pk, *UNIT_FIELDS)
