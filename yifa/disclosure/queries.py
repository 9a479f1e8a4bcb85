"""Reads for pages and the API, with the joins they need (no query per row)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from yifa.core.access import scope, visible_unit_ids
from yifa.core.clocks import clocks_by_subject
from yifa.core.models import Deadline, Unit, UnitKind
from yifa.core.models.deadlines import OPEN_STATUSES

from . import rules
from .access import requests_for
from .models import OPEN_STATES, CatalogueItem, CatalogueState, Challenge, Request, RequestState

LIST_FIELDS = (
    "id",
    "number",
    "unit__name",
    "channel",
    "received_on",
    "submitted_on",
    "state",
    "applicant_kind",
    "content",
    "outcome",
    "replied_on",
    "similar_to_id",
    "same_applicant",
    "unit_id",
)


def request_list(user, *, state: str = "", unit: str = "", q: str = ""):
    qs = requests_for(user).select_related("unit").only(*LIST_FIELDS).order_by("-id")
    if state in RequestState.values:
        qs = qs.filter(state=state)
    if unit.isdigit():
        qs = qs.filter(unit_id=int(unit))
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(content__icontains=q))
    return qs


def with_clocks(rows):
    """Each request with its open clocks (one query for the page)."""
    clocks = clocks_by_subject(rows)
    return [(r, clocks.get(r.pk, [])) for r in rows]


def disclosure_units(user):
    """The 行政机关 the user may see: the government, its departments and townships."""
    qs = Unit.objects.filter(active=True, kind__in=(UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP))
    ids = visible_unit_ids(user)
    return qs if ids is None else qs.filter(pk__in=ids)


def reply_clocks(user):
    """Open reply and publication clocks in the user's scope, the most urgent first (the page shows 200)."""
    qs = Deadline.objects.filter(
        rule_id__in=(rules.REPLY.id, rules.PUBLICATION.id, rules.CLARIFICATION_NOTICE.id), status__in=OPEN_STATUSES
    ).select_related("unit")
    return scope(qs, user, "unit").order_by("due", "id")


def unit_statistics(user, year: int):
    """Per unit: requests received this year, open, answered, answered late — one grouped query each."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    qs = requests_for(user).filter(received_on__isnull=False)
    received = dict(qs.filter(received_on__range=(start, end)).values_list("unit").annotate(n=Count("id")).order_by())
    open_ = dict(qs.filter(state__in=OPEN_STATES).values_list("unit").annotate(n=Count("id")).order_by())
    answered = dict(qs.filter(replied_on__range=(start, end)).values_list("unit").annotate(n=Count("id")).order_by())
    late = dict(
        scope(
            Deadline.objects.filter(rule_id=rules.REPLY.id, status="late", closed_on__range=(start, end)), user, "unit"
        )
        .values_list("unit")
        .annotate(n=Count("id"))
        .order_by()
    )
    units = disclosure_units(user).order_by("path")
    rows = [
        {
            "unit": u,
            "received": received.get(u.pk, 0),
            "open": open_.get(u.pk, 0),
            "answered": answered.get(u.pk, 0),
            "late": late.get(u.pk, 0),
        }
        for u in units
    ]
    return [r for r in rows if r["received"] or r["open"] or r["answered"]]


def catalogue(unit, *, published_only: bool = False):
    qs = CatalogueItem.objects.filter(unit=unit).select_related("unit").order_by("-formed_on", "-id")
    if published_only:
        qs = qs.filter(state=CatalogueState.PUBLISHED).order_by("-published_on", "-id")
    return qs


def public_replies(unit, limit: int = 50):
    """Answered requests as the public may read them: the redacted copies only."""
    return (
        Request.objects.filter(unit=unit, state=RequestState.CLOSED, imported=False)
        .exclude(public_text="")
        .only("id", "number", "replied_on", "outcome", "public_summary", "public_text")
        .order_by("-replied_on", "-id")[:limit]
    )


def challenges(unit):
    return Challenge.objects.filter(unit=unit).select_related("request").order_by("-filed_on", "-id")
