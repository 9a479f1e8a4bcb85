"""Who sees what: a unit its own requests, catalogue and report (and those of units below it); the legal
office and leaders all. The applicant sees a request with its number and lookup code together."""

from yifa.core.access import fetch, scope
from yifa.core.errors import NotFound

from .models import CatalogueItem, Request


def requests_for(user):
    return scope(Request.objects.all(), user, "unit")


def access_request(user, pk) -> Request:
    return fetch(Request.objects.select_related("unit", "similar_to"), user, pk, "unit")


def access_item(user, pk) -> CatalogueItem:
    return fetch(CatalogueItem.objects.select_related("unit"), user, pk, "unit")


def public_request(number: str, code: str) -> Request:
    found = (
        Request.objects.select_related("unit")
        .filter(number=(number or "").strip(), lookup_code=(code or "").strip().upper())
        .first()
    )
    if found is None:
        raise NotFound("编号或查询码不正确，请核对申请回执")
    return found
