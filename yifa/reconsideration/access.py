"""Who sees what: the legal office (and leaders) all; a respondent unit its own cases; a drafting or
receiving organ the incidental reviews sent to it; an organ its opinion letters and the applications
submitted through it."""

from yifa.core.access import fetch, scope
from yifa.core.errors import NotFound
from yifa.lib.case_numbers import same_number

from .models import Case, NormReview, OpinionLetter, OrganSubmission

CASE_UNITS = ("office", "respondent_unit")
REVIEW_UNITS = ("case__office", "case__respondent_unit", "drafter_unit", "forwarded_to_unit")
LETTER_UNITS = ("case__office", "recipient")


def cases_for(user):
    return scope(Case.objects.all(), user, *CASE_UNITS)


def access_case(user, pk) -> Case:
    return fetch(Case.objects.select_related("office", "respondent_unit", "handler"), user, pk, *CASE_UNITS)


def _reviews():
    return NormReview.objects.select_related("case", "case__office", "drafter_unit", "forwarded_to_unit")


def reviews_for(user, *unit_fields: str):
    return scope(_reviews(), user, *(unit_fields or REVIEW_UNITS))


def access_review(user, pk) -> NormReview:
    return fetch(_reviews(), user, pk, *REVIEW_UNITS)


def letters_for(user):
    return scope(OpinionLetter.objects.select_related("case", "recipient"), user, *LETTER_UNITS)


def access_letter(user, pk) -> OpinionLetter:
    return fetch(OpinionLetter.objects.select_related("case", "recipient"), user, pk, *LETTER_UNITS)


def submissions_for(user):
    return scope(OrganSubmission.objects.select_related("unit"), user, "unit")


def access_submission(user, pk) -> OrganSubmission:
    return fetch(OrganSubmission.objects.select_related("unit"), user, pk, "unit")


def public_case(number: str, code: str) -> Case:
    """The applicant's view: both the number (the 收件编号 on the receipt, or the 案号 once accepted) and the
    lookup code must match. The number may be typed
    with 〔〕, ()/（）, 【】 or [] around the year, or as its bare sequence number."""
    case = Case.objects.select_related("office").filter(lookup_code=code.strip().upper()).first()
    if case is None or not any(same_number(number, n) for n in (case.receipt_number, case.case_number) if n):
        raise NotFound("案号或查询码不正确，请核对受理通知书或申请回执")
    return case
