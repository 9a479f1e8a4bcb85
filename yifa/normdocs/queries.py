"""Reads for pages, the API and the portal."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from yifa.core import clocks
from yifa.core.access import scope
from yifa.core.audit import timeline
from yifa.core.models import Deadline, DeadlineStatus
from yifa.core.uploads import attachments_of

from . import rules, search
from .models import PUBLISHED_STATUSES, Campaign, CampaignStatus, DocStatus, Document, Relation, add_months

MAX_QUERY = 50


def staff_documents(user, *, q: str = "", status: str = "", unit_id: int | None = None):
    qs = scope(Document.objects.select_related("unit"), user, "unit")
    if status:
        qs = qs.filter(status=status)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    return search.matching(qs, q[:MAX_QUERY]).order_by("-published_on", "-id")


def public_documents(*, q: str = "", status: str = "", unit_id: int | None = None, year: int | None = None):
    """只有已公布的文件。"""
    qs = Document.objects.filter(status__in=PUBLISHED_STATUSES, published_on__isnull=False)
    if status in PUBLISHED_STATUSES:
        qs = qs.filter(status=status)
    if unit_id:
        qs = qs.filter(Q(unit_id=unit_id) | Q(joint_issuers=unit_id)).distinct()
    if year:
        qs = qs.filter(published_on__gte=dt.date(year, 1, 1), published_on__lte=dt.date(year, 12, 31))
    qs = search.matching(qs, (q or "")[:MAX_QUERY])
    return qs.select_related("unit").order_by("-published_on", "-id")


def page_of_documents(qs, number, size: int = 20):
    """A page in two steps: the ids (ordered from the narrow (status, published_on) index, without
    reading every match's full text), then those rows with their unit."""
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * size
    ids = list(qs.values_list("pk", flat=True)[offset : offset + size + 1])
    rows = Document.objects.select_related("unit").in_bulk(ids[:size])
    return {
        "rows": [rows[i] for i in ids[:size]],
        "number": number,
        "has_next": len(ids) > size,
        "has_previous": number > 1,
    }


def public_issuers():
    from yifa.core.models import Unit

    return Unit.objects.filter(normdocs__status__in=PUBLISHED_STATUSES).distinct().order_by("path")


def public_years():
    years = Document.objects.filter(status__in=PUBLISHED_STATUSES, published_on__isnull=False).dates(
        "published_on", "year", order="DESC"
    )
    return [d.year for d in years]


def relations_of(doc: Document):
    out_ = Relation.objects.filter(source=doc).select_related("target", "decided_by", "campaign")
    in_ = Relation.objects.filter(target=doc).select_related("source", "decided_by", "campaign")
    return list(out_), list(in_)


def history(doc: Document):
    return timeline(doc)


def filing_clock(doc: Document) -> Deadline | None:
    return clocks.clocks_of(doc, rule=rules.FILING, open_only=False).order_by("-id").first()


def review_clock(doc: Document) -> Deadline | None:
    return clocks.clocks_of(doc, rule=rules.LEGALITY_REVIEW, open_only=False).order_by("-id").first()


def filing_stats(user, *, today: dt.date):
    """按期、迟报、逾期未报的件数（报送备案期限）。"""
    qs = scope(Deadline.objects.filter(rule_id=rules.FILING.id), user)
    return {
        "on_time": qs.filter(status=DeadlineStatus.MET).count(),
        "late": qs.filter(status=DeadlineStatus.LATE).count(),
        "overdue": qs.filter(status=DeadlineStatus.RUNNING, due__lt=today).count(),
        "running": qs.filter(status=DeadlineStatus.RUNNING, due__gte=today).count(),
    }


def filing_deadlines(user, *, today: dt.date):
    return scope(Deadline.objects.filter(rule_id=rules.FILING.id).select_related("unit"), user).order_by(
        "status", "due"
    )


def expiring(user, *, today: dt.date, months: int = rules.EXPIRY_NOTICE_MONTHS):
    horizon = add_months(today, months)
    return (
        scope(Document.objects.filter(status=DocStatus.IN_FORCE, expires_on__lte=horizon), user, "unit")
        .select_related("unit")
        .order_by("expires_on")
    )


def files_of(doc: Document, *, public: bool):
    qs = attachments_of(doc)
    return qs.filter(is_public=True) if public else qs


def campaigns(*, published_only: bool = False):
    qs = Campaign.objects.annotate(item_count=Count("items"))
    return qs.filter(status=CampaignStatus.CLOSED) if published_only else qs


def ended_by_campaign(doc: Document):
    return doc.ended_by_campaign
