"""Reads for the board, the lists, statistics and the portal."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from yifa.core import clocks
from yifa.core.models import Deadline

from . import periods
from .access import cases_for
from .models import CLOSED_STATES, CORRECTING, OPEN_STATES, ActType, Case, CaseState


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


def awaiting_reply(user):
    """The respondent's inbox: copies received, reply not yet given."""
    if not user.unit_id:
        return Case.objects.none()
    return (
        Case.objects.filter(respondent_unit__path__startswith=user.unit.path, copy_sent_on__isnull=False)
        .select_related("respondent_unit")
        .order_by("reply_on", "copy_sent_on")
    )


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


def published(limit: int | None = None, q: str = ""):
    qs = Case.objects.filter(published_on__isnull=False).order_by("-published_on", "-id")
    if q:
        qs = qs.filter(public_text__icontains=q) | qs.filter(number__icontains=q)
    return qs[:limit] if limit else qs
