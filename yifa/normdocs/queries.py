"""Reads for pages, the API and the portal."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q

from yifa.core import clocks
from yifa.core.access import scope, visible_unit_ids
from yifa.core.audit import timeline
from yifa.core.errors import NotFound, YifaError
from yifa.core.models import DeadlineStatus, Unit
from yifa.core.uploads import attachments_of

from . import rules, search
from .models import (
    DRAFTING_STATUSES,
    PUBLISHED_STATUSES,
    Campaign,
    CampaignItem,
    CampaignStatus,
    DocStatus,
    Document,
    ItemState,
    Proposal,
    Relation,
    ScreenRule,
    add_months,
)

MAX_QUERY = 50


def document(pk) -> Document:
    return Document.objects.select_related("unit").get(pk=pk)


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


OPEN_DATA_LIMIT = 100_000


def open_data(**filters):
    return public_documents(**filters).prefetch_related("joint_issuers")[:OPEN_DATA_LIMIT]


def issuing_units(user):
    """The units ``user`` may draft for, as choices (divisions draft in their unit's name)."""
    ids = visible_unit_ids(user)
    qs = Unit.objects.filter(active=True).exclude(kind="division").order_by("path")
    return qs if ids is None else qs.filter(pk__in=ids)


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


def public_document(pk) -> Document | None:
    return (
        Document.objects.select_related("unit", "ended_by", "ended_by_campaign")
        .filter(pk=pk, status__in=PUBLISHED_STATUSES, published_on__isnull=False)
        .first()
    )


def public_issuers():
    """Units with a published document: one index probe per unit, not a DISTINCT over every document."""
    published = Document.objects.filter(unit=OuterRef("pk"), status__in=PUBLISHED_STATUSES)
    return Unit.objects.filter(Exists(published)).order_by("path")


def public_years():
    """The years from the earliest to the latest publication, newest first: each end read from the
    (status, published_on) index, so the cost does not grow with the documents."""
    ends = [
        Document.objects.filter(status=status, published_on__isnull=False).aggregate(
            first=Min("published_on"), last=Max("published_on")
        )
        for status in PUBLISHED_STATUSES
    ]
    firsts = [e["first"].year for e in ends if e["first"]]
    lasts = [e["last"].year for e in ends if e["last"]]
    return list(range(max(lasts), min(firsts) - 1, -1)) if lasts else []


def relations_of(doc: Document):
    out_ = Relation.objects.filter(source=doc).select_related("target", "decided_by", "campaign")
    in_ = Relation.objects.filter(target=doc).select_related("source", "decided_by", "campaign")
    return list(out_), list(in_)


def history(doc: Document):
    return timeline(doc)


# Acts that keep a published document's state but belong on its public record.
PUBLIC_ACTS = {
    f"normdocs.{name}" for name in ("file", "filing_accepted", "filing_correct", "filing_rejected", "implemented_by")
}


def public_history(doc: Document) -> list:
    """What the portal shows of a document's history: its publication, filing and review, and every change of
    its force (expiry, modification, repeal) — not the drafting, the attachments or the other records."""
    return [
        e
        for e in timeline(doc)
        if (e.to_state in PUBLISHED_STATUSES and e.from_state != e.to_state) or e.action in PUBLIC_ACTS
    ]


def joint_issuers(doc: Document):
    return doc.joint_issuers.all()


def number_taken(doc: Document, number: str) -> bool:
    return Document.objects.filter(unit_id=doc.unit_id, number=number).exclude(pk=doc.pk).exists()


def filing_clock(doc: Document):
    return clocks.clocks_of(doc, rule=rules.FILING, open_only=False).order_by("-id").first()


def review_clock(doc: Document):
    return clocks.clocks_of(doc, rule=rules.LEGALITY_REVIEW, open_only=False).order_by("-id").first()


def filing_stats(user, *, today: dt.date):
    """按期、迟报、逾期未报的件数（报送备案期限），一次查询。"""
    running = Q(status=DeadlineStatus.RUNNING)
    return scope(clocks.clocks_of_rule(rules.FILING), user).aggregate(
        on_time=Count("id", filter=Q(status=DeadlineStatus.MET)),
        late=Count("id", filter=Q(status=DeadlineStatus.LATE)),
        overdue=Count("id", filter=running & Q(due__lt=today)),
        running=Count("id", filter=running & Q(due__gte=today)),
    )


def filing_by_unit(user, *, today: dt.date, limit: int = 30) -> list[dict]:
    """报送备案及时性按制定机关：按期、迟报、逾期未报、期限内待报的件数，一次分组查询（件数多者在前）。"""
    running = Q(status=DeadlineStatus.RUNNING)
    return list(
        scope(clocks.clocks_of_rule(rules.FILING), user)
        .order_by()
        .values("unit__name")
        .annotate(
            total=Count("id"),
            on_time=Count("id", filter=Q(status=DeadlineStatus.MET)),
            late=Count("id", filter=Q(status=DeadlineStatus.LATE)),
            overdue=Count("id", filter=running & Q(due__lt=today)),
            running=Count("id", filter=running & Q(due__gte=today)),
        )
        .order_by("-total", "unit__name")[:limit]
    )


def filing_deadlines(user, *, today: dt.date):
    return scope(clocks.clocks_of_rule(rules.FILING).select_related("unit"), user).order_by("status", "due")


def expiring(user, *, today: dt.date, months: int = rules.EXPIRY_NOTICE_MONTHS):
    horizon = add_months(today, months)
    return (
        scope(Document.objects.filter(status=DocStatus.IN_FORCE, expires_on__lte=horizon), user, "unit")
        .select_related("unit")
        .order_by("expires_on")
    )


def lapsed(today: dt.date):
    """In force past the last day of their validity."""
    return Document.objects.filter(status=DocStatus.IN_FORCE, expires_on__lt=today).select_related("unit")


def expiry_reminders_due(first: dt.date, last: dt.date):
    """In force, ending between ``first`` and ``last``, and not yet reminded of that end (a renewed document whose
    end moved is reminded again)."""
    return (
        Document.objects.filter(status=DocStatus.IN_FORCE, expires_on__gte=first, expires_on__lte=last)
        .exclude(expiry_reminded_for=F("expires_on"))
        .select_related("unit")
    )


def files_of(doc: Document, *, public: bool):
    qs = attachments_of(doc)
    return qs.filter(is_public=True) if public else qs


def screen_rules():
    return ScreenRule.objects.all()


def screen_rule(code: str) -> ScreenRule | None:
    return ScreenRule.objects.filter(code=code).first() if code else None


# To-do lists
REVIEW, CORRECTION = "review", "correction"


def legal_office_work(limit: int = 30) -> dict[str, list[Document]]:
    """Documents awaiting legality review (``REVIEW``) and filed documents whose correction is open
    (``CORRECTION``), the first ``limit`` of each, by one query (each part read from its own index)."""
    review = Document.objects.filter(status=DocStatus.REVIEW).order_by("pk").values("pk")[:limit]
    correcting = Document.objects.filter(correction_open=True).order_by("pk").values("pk")[:limit]
    found: dict[str, list[Document]] = {REVIEW: [], CORRECTION: []}
    for doc in Document.objects.filter(Q(pk__in=review) | Q(pk__in=correcting)).select_related("unit").order_by("pk"):
        found[CORRECTION if doc.correction_open else REVIEW].append(doc)
    return found


def items_awaiting_confirmation():
    return CampaignItem.objects.filter(state=ItemState.PROPOSED, campaign__status=CampaignStatus.OPEN).select_related(
        "campaign"
    )


def items_awaiting_opinion(user):
    return scope(
        CampaignItem.objects.filter(state=ItemState.PENDING, campaign__status=CampaignStatus.OPEN), user, "unit"
    ).select_related("campaign")


# Cleanup campaigns
def campaigns(*, published_only: bool = False):
    qs = Campaign.objects.annotate(item_count=Count("items"))
    return qs.filter(status=CampaignStatus.CLOSED) if published_only else qs


def published_campaign(pk) -> Campaign | None:
    return campaigns(published_only=True).filter(pk=pk).first()


def campaign(pk) -> Campaign:
    found = Campaign.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def in_force_on(baseline: dt.date, units):
    """Documents of ``units`` (and the units below them) in force on ``baseline``."""
    in_units = Q(pk__in=[])
    for unit in units:
        in_units |= Q(unit__in=Unit.objects.within(unit))
    return (
        Document.objects.filter(in_units, published_on__lte=baseline, status=DocStatus.IN_FORCE)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=baseline))
        .select_related("unit")
    )


def ended_documents() -> dict[str, Document]:
    """Documents no longer in force, by title: what a citation may point at."""
    qs = Document.objects.exclude(status__in=(DocStatus.IN_FORCE, *DRAFTING_STATUSES))
    return {d.title: d for d in qs.only("title", "number", "status")}


def item_count(campaign: Campaign) -> int:
    return campaign.items.count()


def campaign_items(campaign: Campaign, user, *, state: str = ""):
    items = scope(campaign.items.select_related("document", "unit"), user, "unit")
    return items.filter(state=state) if state in ItemState.values else items


def campaign_progress(campaign: Campaign):
    """Per unit: total, pending, proposed, confirmed."""
    return (
        campaign.items.values("unit__name", "unit_id")
        .annotate(
            total=Count("id"),
            pending=Count("id", filter=Q(state=ItemState.PENDING)),
            proposed=Count("id", filter=Q(state=ItemState.PROPOSED)),
            confirmed=Count("id", filter=Q(state=ItemState.CONFIRMED)),
        )
        .order_by("unit__path")
    )


def proposal_counts(campaign: Campaign) -> dict[str, int]:
    counts = dict(campaign.items.values_list("proposal").annotate(n=Count("id")))
    return {p: counts.get(p, 0) for p in Proposal.values}


def items_ending_documents(campaign: Campaign):
    """The items whose documents the campaign modifies, repeals or declares invalid."""
    return campaign.items.select_related("document").exclude(proposal=Proposal.RETAIN)


CATALOGUES = [
    ("retained", "继续有效的规范性文件目录", (Proposal.RETAIN,)),
    ("modified", "需修改的规范性文件目录", (Proposal.MODIFY,)),
    ("repealed", "废止和宣布失效的规范性文件目录", (Proposal.REPEAL, Proposal.INVALID)),
]


def catalogue(campaign: Campaign, kind: str):
    for key, title, proposals in CATALOGUES:
        if key == kind:
            items = (
                campaign.items.filter(proposal__in=proposals, state=ItemState.CONFIRMED)
                .select_related("document", "unit")
                .order_by("unit__path", "document__published_on")
            )
            return title, items
    raise YifaError(f"没有名为“{kind}”的目录", field="kind")
