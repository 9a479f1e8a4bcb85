"""What disclosure adds to the annual assessment (``yifa/assessment/interface.py``): 依申请公开按期答复率,
computed from the requests' reply clocks (第三十三条: 20 working days, once extended by up to 20, the
补正 and consultation time not counted). A reply made after its clock ran out is late; a request still
unanswered after its due date counts as late too. Requests taken in from a ledger as already answered
carry no clock (their pauses and extensions are not known) and are not assessed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q

from yifa.assessment.interface import Indicator, Tally
from yifa.core.models import Deadline, DeadlineStatus
from yifa.lib.deadlines import zh_date

from . import rules

REPLIES_ON_TIME = "disclosure_replies_on_time"
_CLOSED = (DeadlineStatus.MET, DeadlineStatus.LATE)


def _replied(year: int, as_of: dt.date) -> Q:
    return Q(status__in=_CLOSED, closed_on__year=year, closed_on__lte=as_of)


def _overdue(year: int, as_of: dt.date) -> Q:
    return Q(status=DeadlineStatus.RUNNING, due__lt=as_of, due__year=year)


def _clocks(where: Q):
    return Deadline.objects.filter(where, rule_id=rules.REPLY.id)


def tally(year: int, as_of: dt.date) -> dict[int, Tally]:
    """{unit id: Tally(replied on time, replied + overdue)}: one grouped query for every unit."""
    return {
        r["unit_id"]: Tally(r["good"], r["total"])
        for r in _clocks(_replied(year, as_of) | _overdue(year, as_of))
        .values("unit_id")
        .annotate(total=Count("pk"), good=Count("pk", filter=Q(status=DeadlineStatus.MET)))
        .order_by()
    }


def rows(unit_id: int, year: int, as_of: dt.date) -> list[dict]:
    """The requests behind the unit's figure, the overdue and late ones first, each linked to its page (one query)."""
    overdue, late, on_time = [], [], []
    clocks = _clocks(_replied(year, as_of) | _overdue(year, as_of)).filter(unit_id=unit_id)
    for d in clocks.order_by("status", "due", "-closed_on")[:300]:
        if d.status == DeadlineStatus.RUNNING:
            overdue.append(
                {
                    "label": d.subject_label,
                    "link": d.link,
                    "good": False,
                    "on": d.due,
                    "detail": f"答复期限{zh_date(d.due)}届满，逾期未答复",
                }
            )
            continue
        good = d.status == DeadlineStatus.MET
        (on_time if good else late).append(
            {
                "label": d.subject_label,
                "link": d.link,
                "good": good,
                "on": d.closed_on,
                "detail": ("按期答复" if good else "逾期答复")
                + f"（期限届满{zh_date(d.due)}，{zh_date(d.closed_on)}答复）",
            }
        )
    return overdue + late + on_time


INDICATORS = [
    Indicator(
        REPLIES_ON_TIME,
        "依申请公开按期答复率",
        "依法履职",
        Decimal(10),
        rules.REPLY.citation,
        "年内答复的政府信息公开申请中在答复期限内答复的比例（期限届满仍未答复的计为逾期）",
        tally,
        rows,
        clock_rules=(rules.REPLY.id,),
    )
]
