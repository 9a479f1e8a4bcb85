"""Who may see what. Campaigns are the legal office's; a reviewed file, a notice, a filing and a warning are
seen within the unit scope; a 问责 case only by the legal office and its named investigators — not by
leaders, not by the person's unit."""

from __future__ import annotations

from yifa.core.access import fetch, is_legal_office, scope
from yifa.core.errors import AccessDenied, NotFound

from .models import Accountability, Alert, Campaign, Complaint, Dispute, Filing, Inspection, Notice, ReviewFile


def access_campaign(user, pk) -> Campaign:
    if not is_legal_office(user):
        raise AccessDenied("案卷评查活动只有法制机构可以查看")
    return fetch(Campaign.objects.select_related("unit"), user, pk)


def access_file(user, pk) -> ReviewFile:
    return fetch(ReviewFile.objects.select_related("campaign", "unit", "scored_by"), user, pk)


def access_notice(user, pk) -> Notice:
    return fetch(Notice.objects.select_related("unit"), user, pk)


def access_filing(user, pk) -> Filing:
    return fetch(Filing.objects.select_related("unit"), user, pk)


def access_alert(user, pk) -> Alert:
    return fetch(Alert.objects.select_related("unit"), user, pk)


def accountability_visible(user):
    """The 问责 cases this person may see: all for the legal office, else those naming them investigator."""
    qs = Accountability.objects.select_related("unit")
    if is_legal_office(user):
        return qs
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    return qs.filter(investigators=user)


def access_accountability(user, pk) -> Accountability:
    """404 rather than 403 outside the circle: even the existence of a case is not shown."""
    try:
        return accountability_visible(user).get(pk=pk)
    except (Accountability.DoesNotExist, ValueError, TypeError):
        raise NotFound() from None


def access_complaint(user, pk) -> Complaint:
    return fetch(Complaint.objects.select_related("unit"), user, pk)


def disputes_visible(user):
    """The legal office sees all; a unit sees the disputes it raised or is party to."""
    return scope(Dispute.objects.select_related("unit"), user, "unit", "other_units")


def access_dispute(user, pk) -> Dispute:
    return fetch(Dispute.objects.select_related("unit"), user, pk, "unit", "other_units")


def access_inspection(user, pk) -> Inspection:
    """Special inspections are the legal office's; each unit learns its findings by the notices sent to it."""
    if not is_legal_office(user):
        raise AccessDenied("专项检查只有法制机构可以查看")
    return fetch(Inspection.objects.select_related("unit"), user, pk)
