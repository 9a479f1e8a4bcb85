"""Who sees what: a unit its own requests, catalogue and report (and those of units below it); the legal
office and leaders all. The applicant sees a request with its number and lookup code together."""

from yifa.core.access import fetch, scope
from yifa.core.errors import NotFound
from yifa.lib.case_numbers import same_number

from .models import CatalogueItem, Challenge, Request


def requests_for(user):
    return scope(Request.objects.all(), user, "unit")


def access_request(user, pk) -> Request:
    return fetch(Request.objects.select_related("unit", "similar_to"), user, pk, "unit")


def access_item(user, pk) -> CatalogueItem:
    return fetch(CatalogueItem.objects.select_related("unit"), user, pk, "unit")


def access_challenge(user, pk) -> Challenge:
    return fetch(Challenge.objects.select_related("unit", "request"), user, pk, "unit")


def public_request(number: str, code: str) -> Request:
    """The applicant's view: number and lookup code must both match. The number may be typed with
    〔〕, ()/（）, 【】 or [] around the year, or as its bare sequence number."""
    found = Request.objects.select_related("unit").filter(lookup_code=(code or "").strip().upper()).first()
    if found is None or not same_number(number or "", found.number):
        raise NotFound("编号或查询码不正确，请核对申请回执")
    return found
