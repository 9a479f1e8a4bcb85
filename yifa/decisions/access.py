"""Who may see a decision: its decision body, lead unit and executing unit (and the
legal office, leaders and administrators, who see everything)."""

from yifa.core.access import fetch

from .models import Decision

UNIT_FIELDS = ("lead_unit", "decision_body", "executing_unit")


def access_decision(user, pk) -> Decision:
    qs = Decision.objects.select_related("lead_unit", "decision_body", "executing_unit", "previous", "catalogue_item")
    return fetch(qs, user, pk, *UNIT_FIELDS)


def can_see_contacts(user, decision) -> bool:
    """Commenters' and hearing applicants' phones: the lead unit, which must answer them and
    deliver hearing materials (第十六条第三款), and those the core lets see personal data."""
    from yifa.core.access import can_see_personal_data

    from .flows import lead_unit

    return can_see_personal_data(user) or lead_unit(user, decision)
