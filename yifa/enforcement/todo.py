"""Enforcement's part of "my to-do": cases awaiting my legal review, and (legal office) certificates
expiring within 30 days."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith

from yifa.core.access import is_legal_office
from yifa.lib.deadlines import rag

from .models import Case, CaseState, Certificate, LegalReviewer

EXPIRY_NOTICE_DAYS = 30


def items_for(user, today: dt.date):
    # cases of the units the person reviews for, and of the units under them
    mine = LegalReviewer.objects.filter(StartsWith(OuterRef("unit__path"), F("unit__path")), user=user)
    waiting = Case.objects.filter(Exists(mine), state=CaseState.REVIEW).select_related("unit")
    for case in waiting.order_by("id")[:50]:
        yield {
            "title": f"{case}：待法制审核",
            "due": None,
            "link": case.get_absolute_url(),
            "rag": "amber",
            "source": "行政执法",
        }
    if is_legal_office(user):
        soon = today + dt.timedelta(days=EXPIRY_NOTICE_DAYS)
        expiring = Certificate.objects.filter(state="valid", valid_until__gte=today, valid_until__lte=soon)
        for cert in expiring.select_related("officer").order_by("valid_until")[:50]:
            yield {
                "title": f"{cert.officer.name}的{cert}将于{cert.valid_until:%Y-%m-%d}到期",
                "due": cert.valid_until,
                "link": cert.get_absolute_url(),
                "rag": rag(cert.valid_until, today, amber_within=EXPIRY_NOTICE_DAYS),
                "source": "行政执法",
            }
