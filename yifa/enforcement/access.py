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
