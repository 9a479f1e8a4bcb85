"""Who sees what: the implementing organ (and the units above it) its applications and certificates; the
legal office and leaders all. The item list is public once published; staff see every item."""

from yifa.core.access import fetch, scope
from yifa.core.errors import NotFound

from .models import Application, Certificate, Item, PromiseCheck, PromiseDraw, ReformEntry


def applications_for(user):
    return scope(Application.objects.select_related("item", "unit"), user)


def access_application(user, pk) -> Application:
    return fetch(Application.objects.select_related("item", "unit"), user, pk)


def certificates_for(user):
    return scope(Certificate.objects.select_related("item", "unit"), user)


def access_certificate(user, pk) -> Certificate:
    return fetch(Certificate.objects.select_related("item", "unit", "application"), user, pk)


def access_item(user, pk) -> Item:
    try:
        return Item.objects.select_related("unit").get(pk=pk)
    except (Item.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def draws_for(user):
    return scope(PromiseDraw.objects.select_related("unit"), user)


def access_draw(user, pk) -> PromiseDraw:
    return fetch(PromiseDraw.objects.select_related("unit", "by"), user, pk)


def access_check(user, pk) -> PromiseCheck:
    return fetch(PromiseCheck.objects.select_related("unit", "draw", "application__item"), user, pk)


def access_reform(user, pk) -> ReformEntry:
    """The reform record is the city's public ledger of its list: every staff member reads it."""
    try:
        return ReformEntry.objects.select_related("unit", "item").get(pk=pk)
    except (ReformEntry.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None
