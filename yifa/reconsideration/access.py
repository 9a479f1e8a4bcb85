"""Who sees a case: the legal office (and leaders) all; a respondent unit its own cases."""

from yifa.core.access import fetch, scope
from yifa.core.errors import NotFound

from .models import Case, OpinionLetter

CASE_UNITS = ("office", "respondent_unit")


def cases_for(user):
    return scope(Case.objects.all(), user, *CASE_UNITS)


def access_case(user, pk) -> Case:
    return fetch(Case.objects.select_related("office", "respondent_unit", "handler"), user, pk, *CASE_UNITS)


def access_letter(user, pk) -> OpinionLetter:
    return fetch(OpinionLetter.objects.select_related("case", "recipient"), user, pk, "case__office", "recipient")


def public_case(number: str, code: str) -> Case:
    """The applicant's view: both the number and the lookup code must match."""
    case = Case.objects.select_related("office").filter(number=number.strip(), lookup_code=code.strip().upper()).first()
    if case is None:
        raise NotFound("案号或查询码不正确，请核对受理通知书或申请回执")
    return case
