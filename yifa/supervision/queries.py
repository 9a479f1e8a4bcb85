"""Reads for the supervision pages and API: scoped, with their joins, no query per row."""

from __future__ import annotations

from django.db.models import Avg, Count, Q

from yifa.core.access import scope

from .models import (
    Alert,
    Campaign,
    Complaint,
    FileState,
    Filing,
    Inspection,
    Notice,
    ReviewFile,
    Section,
    WarningKind,
    WarningState,
)
from .sources import source


def campaigns():
    return Campaign.objects.select_related("unit").annotate(
        n_files=Count("files"), n_scored=Count("files", filter=Q(files__state=FileState.SCORED))
    )


def campaign_files(campaign):
    return campaign.files.select_related("unit").order_by("unit__path", "case_id")


def results_by_unit(campaign) -> list[dict]:
    """Per unit: files drawn, scored, passed, failed, vetoed and the average total."""
    rows = (
        campaign.files.values("unit__name")
        .annotate(
            n_drawn=Count("id"),
            n_scored=Count("id", filter=Q(state=FileState.SCORED)),
            n_passed=Count("id", filter=Q(passed=True)),
            n_failed=Count("id", filter=Q(passed=False)),
            n_vetoed=Count("id", filter=Q(vetoed=True)),
            average=Avg("total"),
        )
        .order_by("unit__name")
    )
    return list(rows)


def files_for(user):
    return scope(ReviewFile.objects.select_related("campaign", "unit"), user).order_by("-id")


def suggestions(review_file) -> dict[int, tuple]:
    """What the case data shows, item by item: {item id: (deduction, veto, note)} for the reviewer to confirm."""
    files = source(review_file.campaign.kind)
    facts = files.findings([review_file.case_id]).get(review_file.case_id)
    if not facts:
        return {}
    shown = files.shown(facts)
    found = {}
    for item in review_file.rubric_items().exclude(prefill=""):
        note = shown.get(item.prefill)
        if note:
            veto = item.section == Section.VETO
            found[item.pk] = (0 if veto else item.points, veto, note)
    return found


def notices_for(user):
    return scope(Notice.objects.select_related("unit"), user).order_by("-id")


def filings_for(user, *, state: str = ""):
    qs = scope(Filing.objects.select_related("unit"), user).order_by("-id")
    return qs.filter(state=state) if state else qs


def alerts_for(user, *, state: str = WarningState.OPEN):
    qs = scope(Alert.objects.select_related("unit"), user).order_by("-found_on", "-id")
    return qs.filter(state=state) if state else qs


def alerts_by_unit(user) -> list[dict]:
    """Open warnings per unit: [{"unit": name, "counts": [n per WarningKind], "total": n}]."""
    rows = alerts_for(user).values("unit__name", "kind").annotate(n=Count("id")).order_by("unit__name")
    kinds = list(WarningKind.values)
    table: dict[str, dict] = {}
    for r in rows:
        entry = table.setdefault(r["unit__name"], {"unit": r["unit__name"], "counts": [0] * len(kinds), "total": 0})
        entry["counts"][kinds.index(r["kind"])] += r["n"]
        entry["total"] += r["n"]
    return list(table.values())


def complaints_for(user):
    return scope(Complaint.objects.select_related("unit"), user).order_by("-id")


def public_bulletins():
    """Published review results, newest first, each with its per-unit rows (two queries in all)."""
    found = list(Campaign.objects.filter(published_on__isnull=False).order_by("-published_on", "-id")[:50])
    rows = (
        ReviewFile.objects.filter(campaign__in=found)
        .values("campaign_id", "unit__name")
        .annotate(n_drawn=Count("id"), n_passed=Count("id", filter=Q(passed=True)), average=Avg("total"))
        .order_by("unit__name")
    )
    by_campaign: dict[int, list] = {}
    for r in rows:
        by_campaign.setdefault(r["campaign_id"], []).append(r)
    for c in found:
        c.public_results = by_campaign.get(c.pk, [])
    return found


def public_exposures():
    """问责 outcomes published (公开曝光): the published text and date only."""
    from .models import Accountability

    return Accountability.objects.filter(published_on__isnull=False).only("id", "publication", "published_on")[:50]


def inspections():
    return (
        Inspection.objects.select_related("unit")
        .annotate(
            n_units=Count("units", distinct=True),
            n_problems=Count("findings", filter=Q(findings__problem=True), distinct=True),
        )
        .order_by("-id")
    )


def inspection_findings(inspection):
    return inspection.findings.select_related("unit", "notice").order_by("unit__path", "id")


def public_inspections():
    """专项检查 whose typical cases were published (通报典型案件): the plan's name, subject and the bulletin."""
    return (
        Inspection.objects.filter(published_on__isnull=False)
        .only("id", "name", "subject", "bulletin", "published_on")
        .order_by("-published_on", "-id")[:50]
    )
