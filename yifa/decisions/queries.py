"""Reads for the decision pages, API and portal: scoped, with their joins."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from yifa.core.access import scope
from yifa.core.models import Event

from .models import PUBLIC_STATES, Catalogue, Comment, CommentKind, Decision, Feedback, Hearing
from .models import DecisionState as S


def decisions_for(user, *, state: str = "", q: str = ""):
    qs = scope(
        Decision.objects.select_related("lead_unit", "decision_body"),
        user,
        "lead_unit",
        "decision_body",
        "executing_unit",
    )
    if state:
        qs = qs.filter(state=state)
    if q:
        qs = qs.filter(title__contains=q)
    return qs.order_by("-id")


def rounds_of(decision: Decision) -> list[Decision]:
    """All rounds of the same decision, oldest first."""
    first = decision
    while first.previous_id:
        first = first.previous
    chain, current = [first], first
    while (nxt := Decision.objects.filter(previous=current).order_by("id").first()) is not None:
        chain.append(nxt)
        current = nxt
    return chain


def chain_timeline(decision: Decision):
    """Every event of every round: comments → decision → implementation → evaluation → adjustment."""
    ids = [str(d.pk) for d in rounds_of(decision)]
    ct = ContentType.objects.get_for_model(Decision)
    return Event.objects.filter(subject_type=ct, subject_id__in=ids).select_related("actor").order_by("at", "id")


def comments_by_paragraph(decision: Decision, *, answered_only: bool = False) -> dict[int | None, list[Comment]]:
    qs = decision.comments.filter(kind=CommentKind.DRAFT).order_by("paragraph", "id")
    if answered_only:
        qs = qs.exclude(response="")
    grouped: dict[int | None, list[Comment]] = {}
    for comment in qs:
        grouped.setdefault(comment.paragraph, []).append(comment)
    return grouped


# The public portal: only what has been published.
def open_for_comment(today: dt.date):
    return (
        Decision.objects.filter(comment_opens__lte=today, comment_closes__gte=today)
        .select_related("lead_unit")
        .annotate(n_comments=Count("comments"))
        .order_by("comment_closes")
    )


def upcoming_hearings(today: dt.date):
    return (
        Hearing.objects.filter(hearing_on__gte=today, notice_on__lte=today)
        .select_related("decision", "decision__lead_unit")
        .order_by("hearing_on")
    )


def published_decisions():
    return (
        Decision.objects.filter(state__in=PUBLIC_STATES)
        .select_related("decision_body", "executing_unit")
        .order_by("-published_on", "-id")
    )


def public_decision(pk, today: dt.date) -> Decision | None:
    """A decision the public may see: its draft has been put out for comment, a hearing
    notice is out, or it has been published."""
    return (
        Decision.objects.filter(pk=pk)
        .filter(Q(state__in=PUBLIC_STATES) | Q(comment_opens__lte=today) | Q(hearings__notice_on__lte=today))
        .select_related("decision_body", "lead_unit", "executing_unit")
        .distinct()
        .first()
    )


def public_hearings(decision: Decision, today: dt.date):
    return decision.hearings.filter(notice_on__lte=today).order_by("-hearing_on")


def latest_feedback(decision: Decision) -> Feedback | None:
    return decision.feedback.order_by("-reported_on", "-id").first()


def published_catalogues():
    return (
        Catalogue.objects.filter(published_on__isnull=False)
        .select_related("unit")
        .prefetch_related("items__lead_unit")
        .order_by("-year", "unit__path")
    )


def in_force_states():
    return (S.PUBLISHED, S.SUSPENDED)


def rules_board(user, year: int):
    """Each government, department and township with its latest decision rules, against 1 May of ``year``."""
    from yifa.core.models import Unit, UnitKind

    from .models import DecisionRules
    from .rules import UNIT_RULES_MONTH_DAY

    due = dt.date(year, *UNIT_RULES_MONTH_DAY)
    organs = scope(
        Unit.objects.filter(kind__in=(UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP), active=True),
        user,
        "pk",
    ).order_by("path")
    latest: dict[int, DecisionRules] = {}
    for entry in DecisionRules.objects.filter(unit__in=organs).order_by("adopted_on", "id"):
        latest[entry.unit_id] = entry
    rows = []
    for unit in organs:
        entry = latest.get(unit.pk)
        on_time = bool(entry and entry.adopted_on <= due)
        rows.append({"unit": unit, "entry": entry, "due": due, "on_time": on_time})
    return rows
