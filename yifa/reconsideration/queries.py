"""Reads for the board, the lists, statistics and the portal."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Case as DbCase
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, ExtractMonth

from yifa.core import clocks
from yifa.core.audit import timeline
from yifa.core.calendar import current_calendar
from yifa.core.models import Deadline, Unit
from yifa.core.models.deadlines import OPEN_STATUSES
from yifa.core.queries import page_of
from yifa.core.uploads import attachments_of
from yifa.lib.deadlines import AMBER_WITHIN_DAYS

from . import periods
from .access import cases_for, letters_for, reviews_for, submissions_for
from .flows import FLOW
from .models import (
    CLOSED_STATES,
    CORRECTING,
    OPEN_STATES,
    ActType,
    Case,
    CaseState,
    CommitteeMeeting,
    CommitteeMember,
    DecisionType,
    Numbering,
    OpinionLetter,
)


def clocks_by_case(cases, *, open_only=True) -> dict[int, list[Deadline]]:
    return defaultdict(list, clocks.clocks_by_subject(cases, open_only=open_only))


def board_cases(user, today: dt.date, *, only_red=False):
    """Open cases worst first (red, amber, green, then no running clock; oldest first within a colour)."""
    cases = _with_worst_colour(cases_for(user).filter(state__in=OPEN_STATES), today)
    if only_red:
        cases = cases.filter(worst=0)
    return cases.select_related("respondent_unit", "handler").order_by("worst", "received_on", "id")


def board(user, today: dt.date, *, only_red=False, page=None, cases=None) -> dict:
    """One page of the board's cases (``cases``: as sorted by the user), each with its running steps' deadlines."""
    if cases is None:
        cases = board_cases(user, today, only_red=only_red)
    found = page_of(cases, page)
    steps_of = clocks_by_case(found["rows"])
    rows = []
    for case in found["rows"]:
        steps = steps_of.get(case.pk, [])
        decision_late = any(d.rule_id == periods.decision_rule(case).id and d.rag(today) == "red" for d in steps)
        rows.append(
            {
                "case": case,
                "steps": steps,
                "worst": case.worst,
                "needs_justification": decision_late and not case.overdue_justification,
            }
        )
    return {**found, "rows": rows}


def _with_worst_colour(cases, today: dt.date):
    """``worst``: 0 red, 1 amber, 2 green by the earliest due date of the case's open clocks; 3 when none runs."""
    earliest = (
        clocks.clocks_of_model(Case)
        .filter(subject_id=Cast(OuterRef("pk"), CharField()), status__in=OPEN_STATUSES, due__isnull=False)
        .order_by("due")
        .values("due")[:1]
    )
    return cases.annotate(next_due=Subquery(earliest)).annotate(
        worst=DbCase(
            When(next_due__isnull=True, then=Value(3)),
            When(next_due__lt=today, then=Value(0)),
            When(next_due__lte=today + dt.timedelta(days=AMBER_WITHIN_DAYS), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )


def case_list(user, *, state: str = "", q: str = ""):
    qs = cases_for(user).select_related("respondent_unit")
    if state:
        qs = qs.filter(state=state)
    if q:
        qs = qs.filter(Q(case_number__icontains=q) | Q(receipt_number__icontains=q) | Q(act_title__icontains=q))
    return qs.order_by("-received_on", "-id")


def case_page(case, on: dt.date) -> dict:
    """What the case page shows besides its actions, each list in one query. Parties, hearings and letters
    are fetched once onto the case: the documents the page offers read them too."""
    prefetch_related_objects(
        [case], "parties", "hearings", Prefetch("opinion_letters", OpinionLetter.objects.select_related("recipient"))
    )
    reviews = list(case.norm_reviews.select_related("case", "drafter_unit", "forwarded_to_unit"))
    calendar = current_calendar()
    case_clocks = list(clocks.clocks_of(case, open_only=False).order_by("id"))
    case._timeline = list(timeline(case))  # shown, and read by the documents the page offers
    return {
        "clocks": case_clocks,
        "parties": case.parties.all(),
        # 受理审查中的提示：受理尚可办理时才有意义。
        "findings": periods.application_problems(case, calendar=calendar) if FLOW.is_open(case, "accept") else [],
        "application_due": periods.application_due(case, calendar),
        "hearings": case.hearings.all(),
        "opinions": case.committee_opinions.select_related("meeting"),
        "letters": case.opinion_letters.all(),
        "files": attachments_of(case),
        "events": case._timeline,
        "reply_lapsed": periods.reply_lapsed(case, on, clocks_of_case=case_clocks),
        "no_reply": periods.no_reply_rule(case),
        "norm_reviews": with_clocks(reviews),
    }


def with_clocks(records) -> list[tuple]:
    """(record, its clocks) for a page, the clocks of all records in one query."""
    records = list(records)
    found = clocks.clocks_by_subject(records, open_only=False)
    return [(record, found[record.pk]) for record in records]


def open_reviews_for_organ(user) -> list[tuple]:
    """制定机关答复（第五十八条）、接受转送机关回复（第六十条）的待办，with their clocks."""
    return with_clocks(reviews_for(user, "drafter_unit", "forwarded_to_unit").filter(concluded_on__isnull=True))


def letters_with_clocks(user, letters=None) -> list[tuple]:
    return with_clocks(letters_for(user) if letters is None else letters)


def submissions_with_clocks(user, submissions=None) -> list[tuple]:
    return with_clocks((submissions_for(user) if submissions is None else submissions)[:200])


def reply_page(case) -> dict:
    return {"clock": periods.reply_clock(case), "files": attachments_of(case, "application")}


def respondent_cases(user):
    """The cases whose copy reached the user's unit (or one under it) as the respondent."""
    if not user.unit_id:
        return Case.objects.none()
    return (
        Case.objects.filter(respondent_unit__in=Unit.objects.within(user.unit), copy_sent_on__isnull=False)
        .select_related("respondent_unit")
        .order_by("reply_on", "copy_sent_on")
    )


def awaiting_reply(user, cases=None) -> list[tuple]:
    """The respondent's inbox: copies received, reply not yet given; each with its reply clock."""
    cases = list(respondent_cases(user) if cases is None else cases)
    due = clocks_by_case(cases, open_only=False)
    return [(c, next((d for d in due[c.pk] if d.rule_id == periods.reply_rule(c).id), None)) for c in cases]


def pending_referrals():
    """Open, accepted cases the law says must go to the committee and that have no opinion yet."""
    return (
        Case.objects.filter(state__in=OPEN_STATES)
        .exclude(state__in=(CaseState.REVIEW, CaseState.CORRECTION))
        .filter(Q(is_major=True) | Q(is_technical=True))
        .filter(committee_opinions__isnull=True)
        .order_by("received_on")
    )


def committee_page() -> dict:
    return {
        "members": CommitteeMember.objects.all(),
        "pending": pending_referrals(),
        "meetings": CommitteeMeeting.objects.prefetch_related("members", "opinions__case")[:20],
    }


def committee_members(ids) -> list[CommitteeMember]:
    return list(CommitteeMember.objects.filter(pk__in=[i for i in ids if str(i).isdigit()]))


def unit(pk):
    """The respondent unit an API caller names, if it exists."""
    return Unit.objects.filter(pk=pk).first() if pk else None


def numbering_years():
    return Numbering.objects.order_by("-year", "kind")


def statistics(user, year: int) -> dict:
    """纠错率 = 变更、撤销、确认违法、责令履行、确认无效的决定 ÷ 审结案件（决定、调解、终止）。
    Every figure is one aggregate query: the cost does not grow with the cases held in Python."""
    received = cases_for(user).filter(received_on__year=year)
    closed = cases_for(user).filter(state__in=CLOSED_STATES, closed_on__year=year).order_by()
    corrects = Q(state=CaseState.DECIDED, decision_type__in=CORRECTING)
    totals = closed.aggregate(closed=Count("id"), corrected=Count("id", filter=corrects))
    durations = list(closed.values_list("received_on", "closed_on").annotate(n=Count("id")))
    days = sum((done - began).days * n for began, done, n in durations)
    by_unit = closed.values("respondent_name").annotate(n=Count("id"), corrected=Count("id", filter=corrects))
    outcome: Counter = Counter()
    for row in closed.values("state", "decision_type").annotate(n=Count("id")):
        decided = row["state"] == CaseState.DECIDED
        label = _label(DecisionType, row["decision_type"]) if decided else CaseState(row["state"]).label
        outcome[label] += row["n"]
    by_act = closed.values("act_type").annotate(n=Count("id")).order_by("-n", "act_type")
    return {
        "by_month": _by_month(received.order_by(), closed, corrects),
        "year": year,
        **received.aggregate(
            received=Count("id"),
            accepted=Count("id", filter=Q(accepted_on__isnull=False)),
            not_accepted=Count("id", filter=Q(state=CaseState.NOT_ACCEPTED)),
        ),
        "closed": totals["closed"],
        "corrected": totals["corrected"],
        "correction_rate": round(100 * totals["corrected"] / totals["closed"], 1) if totals["closed"] else None,
        "average_days": round(days / totals["closed"], 1) if totals["closed"] else None,
        "by_unit": [(r["respondent_name"], r["n"], r["corrected"]) for r in by_unit.order_by("-n", "respondent_name")],
        "by_act_type": [(ActType(r["act_type"]).label, r["n"]) for r in by_act],
        "by_outcome": outcome.most_common(),
    }


def _by_month(received, closed, corrects) -> list[tuple[int, int, int, int]]:
    """(month, received, closed, corrected) for each month of the year: two grouped queries."""
    came = dict(received.annotate(m=ExtractMonth("received_on")).values_list("m").annotate(n=Count("id")))
    done = {
        r["m"]: (r["n"], r["corrected"])
        for r in closed.annotate(m=ExtractMonth("closed_on"))
        .values("m")
        .annotate(n=Count("id"), corrected=Count("id", filter=corrects))
    }
    return [(m, came.get(m, 0), *done.get(m, (0, 0))) for m in range(1, 13)]


def _label(choices, value) -> str:
    return choices(value).label if value in choices.values else (value or "")


def case_or_none(pk):
    """The case an applicant just submitted (its id kept in the session), if any."""
    return Case.objects.filter(pk=pk).first() if pk else None


def published(limit: int | None = None, q: str = ""):
    qs = Case.objects.filter(published_on__isnull=False).order_by("-published_on", "-id")
    if q:
        qs = qs.filter(Q(public_text__icontains=q) | Q(case_number__icontains=q))
    return qs[:limit] if limit else qs
