"""Reads for the decision pages, API, portal, to-do and reminders: scoped, with their joins."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import Coalesce

from yifa.core.access import scope
from yifa.core.models import Event, Unit, UnitKind
from yifa.core.queries import counted_by, first_of_each
from yifa.lib.deadlines import last_day_before
from yifa.training import interface as training

from .models import (
    PUBLIC_STATES,
    Catalogue,
    CatalogueItem,
    Comment,
    CommentKind,
    Decision,
    DecisionRules,
    Feedback,
    Hearing,
    HearingParticipant,
    ParticipantStatus,
    RiskAssessment,
)
from .models import DecisionState as S
from .rules import UNIT_RULES_BEFORE


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


def record_of(decision: Decision) -> dict:
    """What the decision's page shows beside the decision itself, each list in one query. The lists are
    fetched onto the decision: the page's step gaps (``guards.step_gaps``) read them there too."""
    prefetch_related_objects(
        [decision],
        Prefetch("comments", Comment.objects.select_related("answered_by").order_by("kind", "paragraph", "id")),
        "expert_opinions",
        Prefetch("risk_assessments", RiskAssessment.objects.select_related("report")),
        Prefetch("hearings", Hearing.objects.prefetch_related("participants").select_related("transcript")),
    )
    return {
        "comments": list(decision.comments.all()),
        "experts": list(decision.expert_opinions.all()),
        "risks": decision.risk_assessments.all(),
        "hearings": list(decision.hearings.all()),
        "reviews": decision.reviews.select_related("reviewer", "submitted_by"),
        "meetings": _with_studies(list(decision.meetings.all())),
        "feedback": decision.feedback.select_related("by"),
        "evaluations": list(decision.evaluations.all()),
    }


def _with_studies(meetings: list) -> list:
    """Each meeting with the 会前学法 sessions the training module attached to it (``m.studies``): read
    through training's interface, one query for all the meetings."""
    found = training.studies_before_decision_meetings([m.pk for m in meetings])
    for m in meetings:
        m.studies = found.get(m.pk, [])
    return meetings


def comments_by_paragraph(decision: Decision, *, answered_only: bool = False) -> dict[int | None, list[Comment]]:
    qs = decision.comments.filter(kind=CommentKind.DRAFT).order_by("paragraph", "id")
    if answered_only:
        qs = qs.exclude(response="")
    grouped: dict[int | None, list[Comment]] = {}
    for comment in qs:
        grouped.setdefault(comment.paragraph, []).append(comment)
    return grouped


def answered_implementation_comments(decision: Decision):
    return decision.comments.filter(kind=CommentKind.IMPLEMENTATION).exclude(response="")


def with_last_feedback(qs):
    """Annotate ``last_feedback_on`` so a list of decisions needs no query per row."""
    return qs.annotate(last_feedback_on=Max("feedback__reported_on"))


def next_feedback_due(decision: Decision) -> dt.date | None:
    """The next execution report to the decision body (第三十四条), one period after the last."""
    if decision.state != S.PUBLISHED or not decision.published_on:
        return None
    if hasattr(decision, "last_feedback_on"):
        last = decision.last_feedback_on
    else:
        last = decision.feedback.order_by("-reported_on").values_list("reported_on", flat=True).first()
    return (last or decision.published_on) + dt.timedelta(days=decision.feedback_every_days)


def reports_to_remind(today: dt.date, days_before: int):
    """Decisions in force whose executing unit's next report (第三十四条) falls due within ``days_before`` days
    or is overdue, and whose unit was not yet reminded of this period: ``period_began`` (publication or the last
    report) annotated. Two queries, whatever the number of decisions in force."""
    reporting = Decision.objects.filter(state=S.PUBLISHED, executing_unit__isnull=False, published_on__isnull=False)
    due = Q(pk__in=[])
    for every in set(reporting.values_list("feedback_every_days", flat=True).distinct()):
        due |= Q(feedback_every_days=every, period_began__lte=today + dt.timedelta(days=days_before - every))
    return (
        with_last_feedback(reporting)
        .annotate(period_began=Coalesce("last_feedback_on", "published_on"))
        .filter(due)
        .exclude(feedback_reminded_after=F("period_began"))
        .select_related("executing_unit")
    )


def comments_waiting(today: dt.date, *, lead_units=None):
    """Drafts whose comment period has closed with comments not yet answered, ``n`` per decision."""
    qs = Decision.objects.filter(state=S.DRAFTING, comment_closes__lt=today)
    if lead_units is not None:
        qs = qs.filter(lead_unit_id__in=lead_units)
    return (
        qs.select_related("lead_unit")
        .annotate(n=Count("comments", filter=Q(comments__response="", comments__kind=CommentKind.DRAFT)))
        .filter(n__gt=0)
    )


def awaiting_review_or_decision(units, *, review: bool, limit: int = 50) -> dict[str, list[Decision]]:
    """By state, the first ``limit`` of: drafts sent for legality review and not yet reviewed (when ``review``,
    for the legal office), soonest planned meeting first; reviewed drafts to discuss and decisions to publish
    for the decision bodies in ``units``. One query."""
    wanted = Q(decision_body_id__in=units, state__in=(S.REVIEWED, S.DECIDED))
    if review:
        wanted |= Q(state=S.REVIEWING)
    qs = Decision.objects.filter(wanted).annotate(planned_meeting_on=Max("reviews__planned_meeting_on"))
    return first_of_each(
        qs, F("state"), order=[F("planned_meeting_on").asc(nulls_last=True), F("pk").asc()], limit=limit
    )


def reports_due_from(units):
    return with_last_feedback(Decision.objects.filter(executing_unit_id__in=units, state=S.PUBLISHED))


# The public portal: only what has been published.
def open_for_comment(today: dt.date):
    return (
        Decision.objects.filter(comment_opens__lte=today, comment_closes__gte=today)
        .select_related("lead_unit", "decision_body")
        .order_by("comment_closes", "id")
    )


def with_comment_counts(rows: list[Decision]) -> list[Decision]:
    """Each listed draft's ``n_comments``, counted for these rows only (one query)."""
    counts = counted_by(Comment.objects, "decision", rows)
    for d in rows:
        d.n_comments = counts.get(d.pk, 0)
    return rows


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


def public_search(q: str, today: dt.date):
    shown = Q(state__in=PUBLIC_STATES) | Q(comment_opens__lte=today)
    return Decision.objects.filter(shown, title__contains=q).order_by("-id")


def public_hearings(decision: Decision, today: dt.date):
    return decision.hearings.filter(notice_on__lte=today).order_by("-hearing_on")


def public_hearing(pk, today: dt.date) -> Hearing | None:
    """A hearing whose notice is out."""
    return Hearing.objects.select_related("decision").filter(pk=pk, notice_on__lte=today).first()


def selected_participants(hearing: Hearing):
    """The participants' list, once published (第十六条第三款)."""
    if not hearing.participants_published_on:
        return []
    return hearing.participants.filter(status=ParticipantStatus.SELECTED)


def comment_by_code(code: str) -> Comment | None:
    return Comment.objects.select_related("decision").filter(code=code).first()


def signup_by_code(code: str) -> HearingParticipant | None:
    return HearingParticipant.objects.select_related("hearing__decision").filter(code=code).first()


def latest_feedback(decision: Decision) -> Feedback | None:
    return decision.feedback.order_by("-reported_on", "-id").first()


def published_catalogues():
    return (
        Catalogue.objects.filter(published_on__isnull=False)
        .select_related("unit")
        .prefetch_related("items__lead_unit")
        .order_by("-year", "unit__path")
    )


def catalogues_for(user, items=None):
    """``items``: the catalogue items' queryset in the order the page shows them."""
    if items is None:
        return scope(Catalogue.objects.select_related("unit").prefetch_related("items__lead_unit"), user)
    return scope(Catalogue.objects.select_related("unit").prefetch_related(Prefetch("items", items)), user)


def catalogue_item_rows():
    """A catalogue's items as its table lists them, before the user's sort."""
    return CatalogueItem.objects.select_related("lead_unit").order_by("id")


def catalogue_items_for(user):
    """Every item of the catalogues the user sees (the catalogues page's export)."""
    return CatalogueItem.objects.filter(catalogue__in=scope(Catalogue.objects.all(), user)).order_by(
        "-catalogue__year", "catalogue__unit__path", "id"
    )


def rules_entries_for(user):
    return scope(DecisionRules.objects.select_related("unit"), user)


def rules_board(user, year: int):
    """Each government, department and township with its latest decision rules, against “5月1日前” of ``year``
    (the last day allowed is 30 April)."""
    due = last_day_before(dt.date(year, *UNIT_RULES_BEFORE))
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
