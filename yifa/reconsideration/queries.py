"""Reads for the board, the lists, statistics and the portal."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Q

from yifa.core import clocks
from yifa.core.audit import timeline
from yifa.core.models import Deadline, Unit
from yifa.core.uploads import attachments_of

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
    Numbering,
)


def clocks_by_case(cases, *, open_only=True) -> dict[int, list[Deadline]]:
    return defaultdict(list, clocks.clocks_by_subject(cases, open_only=open_only))


def board(user, today: dt.date, *, only_red=False):
    """Every open case with each running step's deadline; worst first."""
    cases = list(cases_for(user).filter(state__in=OPEN_STATES).select_related("respondent_unit", "handler"))
    clocks = clocks_by_case(cases)
    rank = {"red": 0, "amber": 1, "green": 2, "grey": 3}
    rows = []
    for case in cases:
        steps = clocks.get(case.pk, [])
        worst = min((rank[d.rag(today)] for d in steps), default=3)
        decision_late = any(d.rule_id == periods.decision_rule(case).id and d.rag(today) == "red" for d in steps)
        rows.append(
            {
                "case": case,
                "steps": steps,
                "worst": worst,
                "needs_justification": decision_late and not case.overdue_justification,
            }
        )
    if only_red:
        rows = [r for r in rows if r["worst"] == 0]
    return sorted(rows, key=lambda r: (r["worst"], r["case"].received_on))


def case_list(user, *, state: str = "", q: str = ""):
    qs = cases_for(user).select_related("respondent_unit")
    if state:
        qs = qs.filter(state=state)
    if q:
        qs = qs.filter(number__icontains=q) | qs.filter(act_title__icontains=q)
    return qs.order_by("-received_on", "-id")


def case_page(case, on: dt.date) -> dict:
    """What the case page shows besides its actions, each list in one query."""
    reviews = list(case.norm_reviews.select_related("case", "drafter_unit", "forwarded_to_unit"))
    return {
        "clocks": clocks.clocks_of(case, open_only=False).order_by("id"),
        "parties": case.parties.all(),
        # 受理审查中的提示：受理尚可办理时才有意义。
        "findings": periods.application_problems(case) if FLOW.is_open(case, "accept") else [],
        "application_due": periods.application_due(case),
        "hearings": case.hearings.all(),
        "opinions": case.committee_opinions.select_related("meeting"),
        "letters": case.opinion_letters.select_related("recipient"),
        "files": attachments_of(case),
        "events": timeline(case),
        "reply_lapsed": periods.reply_lapsed(case, on),
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


def letters_with_clocks(user) -> list[tuple]:
    return with_clocks(letters_for(user))


def submissions_with_clocks(user) -> list[tuple]:
    return with_clocks(submissions_for(user)[:200])


def reply_page(case) -> dict:
    return {"clock": periods.reply_clock(case), "files": attachments_of(case, "application")}


def awaiting_reply(user) -> list[tuple]:
    """The respondent's inbox: copies received, reply not yet given; each with its reply clock."""
    if not user.unit_id:
        return []
    cases = list(
        Case.objects.filter(respondent_unit__in=Unit.objects.within(user.unit), copy_sent_on__isnull=False)
        .select_related("respondent_unit")
        .order_by("reply_on", "copy_sent_on")
    )
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
    return Numbering.objects.order_by("-year")


def statistics(user, year: int) -> dict:
    """纠错率 = 变更、撤销、确认违法、责令履行、确认无效的决定 ÷ 审结案件（决定、调解、终止）。"""
    received = cases_for(user).filter(received_on__year=year)
    closed = list(
        cases_for(user).filter(state__in=CLOSED_STATES, closed_on__year=year).select_related("respondent_unit")
    )
    corrected = [c for c in closed if c.state == CaseState.DECIDED and c.decision_type in CORRECTING]
    durations = [(c.closed_on - c.received_on).days for c in closed]
    by_unit: dict[str, Counter] = defaultdict(Counter)
    for c in closed:
        row = by_unit[c.respondent_name]
        row["审结"] += 1
        row["纠错"] += c in corrected
    outcome = Counter(
        c.get_decision_type_display() if c.state == CaseState.DECIDED else c.get_state_display() for c in closed
    )
    return {
        "year": year,
        "received": received.count(),
        "accepted": received.filter(accepted_on__isnull=False).count(),
        "not_accepted": received.filter(state=CaseState.NOT_ACCEPTED).count(),
        "closed": len(closed),
        "corrected": len(corrected),
        "correction_rate": round(100 * len(corrected) / len(closed), 1) if closed else None,
        "average_days": round(sum(durations) / len(durations), 1) if durations else None,
        "by_unit": sorted(((name, c["审结"], c["纠错"]) for name, c in by_unit.items()), key=lambda r: -r[1]),
        "by_act_type": [(ActType(k).label, n) for k, n in Counter(c.act_type for c in closed).most_common()],
        "by_outcome": outcome.most_common(),
    }


def case_or_none(pk):
    """The case an applicant just submitted (its id kept in the session), if any."""
    return Case.objects.filter(pk=pk).first() if pk else None


def published(limit: int | None = None, q: str = ""):
    qs = Case.objects.filter(published_on__isnull=False).order_by("-published_on", "-id")
    if q:
        qs = qs.filter(public_text__icontains=q) | qs.filter(number__icontains=q)
    return qs[:limit] if limit else qs
