"""Who may see what: a case and an officer within the unit scope (the legal office sees all)."""

from yifa.core.access import fetch

from .models import Case, Officer


def access_case(user, pk) -> Case:
    return fetch(Case.objects.select_related("body", "unit", "benchmark"), user, pk, "unit")


def access_officer(user, pk) -> Officer:
    return fetch(Officer.objects.select_related("body__unit"), user, pk, "body__unit")


def access_certificate(user, pk):
    from .models import Certificate

    return fetch(Certificate.objects.select_related("officer__body__unit"), user, pk, "officer__body__unit")


def access_coercion(user, pk):
    from .models import CoercionCase

    return fetch(CoercionCase.objects.select_related("body", "unit", "penalty_case"), user, pk, "unit")


def access_inspection(user, pk):
    from .models import InspectionCase

    return fetch(InspectionCase.objects.select_related("body", "unit", "power"), user, pk, "unit")


def access_transfer(user, pk):
    from .models import Transfer

    return fetch(Transfer.objects.select_related("unit", "case", "inspection", "letter"), user, pk, "unit")
