"""Daily (``yifa sweep``): deemed acceptance when the review period has lapsed (第三十条第三款)."""

from __future__ import annotations

import datetime as dt

from yifa.core import clocks
from yifa.core.models import DeadlineStatus
from yifa.core.sweep import each_record

from . import periods
from .flows import FLOW
from .models import Case
from .services import case_deem_accepted


def lapsed_reviews(on: dt.date) -> list[Case]:
    """Cases where deemed acceptance is open and whose review period ran out before ``on``."""
    under_review = list(Case.objects.filter(state__in=FLOW.transition("deemed_accept").source))
    running = clocks.clocks_by_subject(under_review)
    return [
        case
        for case in under_review
        if any(
            d.rule_id == periods.review_rule(case).id and d.status == DeadlineStatus.RUNNING and d.due and d.due < on
            for d in running[case.pk]
        )
    ]


def daily(on: dt.date) -> str:
    deemed = each_record(lapsed_reviews(on), lambda case: case_deem_accepted(case=case, on=on), where="行政复议")
    return f"审查期限届满视为受理{deemed}件"
